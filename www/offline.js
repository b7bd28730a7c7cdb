// Registers the service worker (sw.js) that keeps the page working with the network off once
// it has been loaded. Without service workers (or when registering fails, e.g. in a private
// window that forbids them) the page still works online; nothing is shown.

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
}
