/** Below this block width a row's three columns would squeeze the details to a few words a line. */
const ROW_BREAKPOINT_PX = 420;

/**
 * The grid columns of a product row (Buy again, recommendations), for a row inside an `s-query-container`:
 * where there is room, thumbnail, details and button side by side, the details taking the rest so every row's
 * button ends in the same column; in a narrow block (a phone), one column, the button under the details.
 */
export function productRowColumns(image: boolean, button: boolean): string {
  const wide = [image ? 'auto' : '', '1fr', button ? 'auto' : ''].filter((column) => column !== '').join(' ');
  return wide === '1fr' ? wide : `@container (inline-size > ${ROW_BREAKPOINT_PX}px) ${wide}, 1fr`;
}
