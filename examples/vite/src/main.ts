// The three ways to use the package, type-checked against its generated declarations:
// the main entry on this thread, the worker wrapper, and the <article-analysis> element.
import init, { analyze, version, type Analysis, type AnalyzeOptions, type EntityOut } from 'article-analyzer';
import { createAnalyzer } from 'article-analyzer/worker';
import 'article-analyzer/element';

const options: AnalyzeOptions = { summarySentences: 2 };
const analyzer = createAnalyzer();
const text = document.querySelector<HTMLTextAreaElement>('#text')!;
const figures = document.querySelector<HTMLParagraphElement>('#figures')!;
const report = document.querySelector('article-analysis')!;

function describe(analysis: Analysis): string {
  const people: EntityOut[] = analysis.entities.filter((e) => e.kind === 'person');
  const grade = analysis.readability.fleschKincaidGrade;
  return `${analysis.stats.words} words, grade ${grade === null ? 'n/a' : grade.toFixed(1)}, `
    + `${people.length} people, ${analysis.quotes.length} quotes, tone ${analysis.sentiment.compound.toFixed(2)}`;
}

async function run(): Promise<void> {
  const fromWorker = await analyzer.analyze(text.value, options);
  figures.textContent = describe(fromWorker);
  report.text = text.value;
}

await init();
const onThisThread = analyze(text.value, options);
document.body.dataset.version = version();
document.body.dataset.words = String(onThisThread.stats.words);
report.addEventListener('analysis', () => { document.body.dataset.ready = ''; });
document.querySelector('#analyse')!.addEventListener('click', () => { void run(); });
await run();
