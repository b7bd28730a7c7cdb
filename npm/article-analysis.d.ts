// Types of the <article-analysis> custom element (article-analysis.js, exported as
// "article-analyzer/element"). Importing the module defines the element.
import type { Analysis } from './types.js';
import type { AnalyzeOptions } from './index.js';

export class ArticleAnalysis extends HTMLElement {
  /** The text analysed: this property, else the `text` attribute, else the text content. */
  text: string;
  /** Who analyses the text; null (the default) means one worker shared by all elements. */
  analyzer: { analyze(text: string, options?: AnalyzeOptions | null): Promise<Analysis> } | null;
  /** The last analysis drawn, or null. */
  readonly analysis: Analysis | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-analysis': ArticleAnalysis;
  }
}
