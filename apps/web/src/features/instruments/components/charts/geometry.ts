/** Pure geometry for the small SVG charts (no charting library is installed, none is needed). */

export interface Point {
  x: number;
  y: number | null;
}

const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Maps YYYY-MM-DD dates linearly onto [from, to]; a single date sits in the middle. */
export function timeScale(dates: readonly string[], [from, to]: [number, number]): (date: string) => number {
  const days = dates.map(dayNumber);
  const min = Math.min(...days);
  const max = Math.max(...days);
  if (days.length === 0 || max === min) return () => (from + to) / 2;
  return (date) => from + ((dayNumber(date) - min) / (max - min)) * (to - from);
}

/** Evenly spaced positions for categories (time points T0, T1 …). */
export function bandScale(count: number, [from, to]: [number, number]): (index: number) => number {
  if (count <= 1) return () => (from + to) / 2;
  return (index) => from + (index / (count - 1)) * (to - from);
}

/** Maps a value in [0, max] onto [bottom, top] (SVG y grows downwards). */
export function linearScale(max: number, [bottom, top]: [number, number]): (value: number) => number {
  const safeMax = max <= 0 ? 1 : max;
  return (value) => bottom - (value / safeMax) * (bottom - top);
}

/**
 * A level holds until the next assessment: a step line (across, then up or down). A gap
 * (no level on a date) interrupts the line.
 */
export function stepPath(points: readonly Point[]): string {
  let path = '';
  let previous: Point | null = null;
  for (const point of points) {
    if (point.y === null) {
      previous = null;
      continue;
    }
    if (previous === null) path += `M${round(point.x)} ${round(point.y)}`;
    else path += `H${round(point.x)}V${round(point.y)}`;
    previous = point;
  }
  return path;
}

/** A straight line through the points; a missing value interrupts it. */
export function linePath(points: readonly Point[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point.y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(point.x)} ${round(point.y)}`;
    drawing = true;
  }
  return path;
}

/** A round upper bound for an axis: 4 → 5, 9 → 10, 23 → 25, 0 → 5. */
export function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Tick values from 0 to max on round steps (1, 2, 5, 10, 20, 25, 50 …), at most `count` + 1 of them. */
export function ticks(max: number, count = 5): number[] {
  const safeMax = max <= 0 ? 1 : max;
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 2.5, 5].map((s) => s * magnitude).find((s) => safeMax / s <= count);
    if (found) {
      step = found;
      break;
    }
  }
  const out: number[] = [];
  for (let value = 0; value <= safeMax + 1e-9; value += step) out.push(Math.round(value * 100) / 100);
  return out;
}

const round = (value: number) => Math.round(value * 10) / 10;
