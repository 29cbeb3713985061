/**
 * Calls `change(true)` when the page is about to be printed and `change(false)` after: on the
 * browser's print (beforeprint/afterprint) and whenever print media starts or stops applying
 * (a print preview, or a test's emulated print media). Returns the unsubscribe function.
 */
export function onPrintMedia(change: (printing: boolean) => void): () => void {
  const media = window.matchMedia('print');
  const before = () => change(true);
  const after = () => change(false);
  const toggle = (event: MediaQueryListEvent) => change(event.matches);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  media.addEventListener('change', toggle);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    media.removeEventListener('change', toggle);
  };
}

const saved = new WeakMap<HTMLTextAreaElement, { height: string; maxHeight: string }>();

/**
 * On paper a text box shows all its text: Mantine's autosize pins its height (inline, !important,
 * which no stylesheet overrides) at its maximum rows, and the rest would be cut off. While
 * printing the height follows the content (print.css gives `field-sizing: content` where the
 * browser has it); afterwards it is put back.
 */
export function fitTextareasForPrint(printing: boolean): void {
  const grows = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
  for (const box of document.querySelectorAll('textarea')) {
    if (printing) {
      if (!saved.has(box)) saved.set(box, { height: box.style.height, maxHeight: box.style.maxHeight });
      box.style.setProperty('max-height', 'none', 'important');
      box.style.setProperty('height', grows ? 'auto' : `${box.scrollHeight + 2}px`, 'important');
    } else {
      const before = saved.get(box);
      if (!before) continue;
      box.style.setProperty('height', before.height, 'important');
      box.style.setProperty('max-height', before.maxHeight);
      saved.delete(box);
    }
  }
}
