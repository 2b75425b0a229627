import { PRINT_PAGE_RULE, PRINT_STYLES } from '../../../src/statement-print';

/** The elements and attributes the statement's renderer writes; a copy keeps these and nothing else. */
const KEPT_ELEMENTS = new Set(['header', 'section', 'footer', 'div', 'h1', 'h2', 'p', 'strong', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const KEPT_ATTRIBUTES = ['class', 'aria-label'] as const;

const COPY_CLASS = 'sh-print-copy';
/** While a copy is on the page: on screen it is hidden, in print it is all there is. */
const PAGE_WHILE_PRINTING = `${PRINT_PAGE_RULE}
@media screen { .${COPY_CLASS} { display: none; } }
@media print { body > :not(.${COPY_CLASS}) { display: none !important; } }`;

/** A node of an inert parse rebuilt in `into`: kept elements with kept attributes, text as text, anything else dropped. */
function copyOf(node: Node, into: Document): Node | null {
  if (node instanceof Text) return into.createTextNode(node.data);
  if (!(node instanceof Element) || !KEPT_ELEMENTS.has(node.localName)) return null;
  const element = node;
  const copy = into.createElement(element.localName);
  for (const name of KEPT_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) copy.setAttribute(name, value);
  }
  for (const child of element.childNodes) {
    const childCopy = copyOf(child, into);
    if (childCopy !== null) copy.append(childCopy);
  }
  return copy;
}

/**
 * Prints the printable statement from the app's own frame. The statement is shown in a sandboxed iframe that may
 * run no script and is not of our origin, so nothing may call its `print()`. Instead this page prints a copy: the
 * HTML parsed inertly (DOMParser runs and loads nothing), rebuilt from the elements and attributes the renderer
 * writes (so no script, handler or resource can come along), in a shadow root with the statement's own styles,
 * while everything else on the page is hidden from print. The copy goes once printing is over.
 */
export function printStatement(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const sheet = document.createElement('div');
  sheet.className = 'sheet';
  sheet.lang = parsed.documentElement.lang;
  for (const child of parsed.body.childNodes) {
    const childCopy = copyOf(child, document);
    if (childCopy !== null) sheet.append(childCopy);
  }
  const styles = document.createElement('style');
  styles.textContent = PRINT_STYLES;
  const host = document.createElement('div');
  host.className = COPY_CLASS;
  host.attachShadow({ mode: 'open' }).append(styles, sheet);
  const pageStyles = document.createElement('style');
  pageStyles.textContent = PAGE_WHILE_PRINTING;
  document.head.append(pageStyles);
  document.body.append(host);
  window.addEventListener(
    'afterprint',
    () => {
      host.remove();
      pageStyles.remove();
    },
    { once: true },
  );
  window.print();
}
