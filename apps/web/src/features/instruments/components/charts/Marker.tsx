export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';

/** A data point's marker; the shape tells the series apart without relying on colour. */
export function Marker({
  shape,
  x,
  y,
  colour,
  size = 5,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  colour: string;
  size?: number;
}) {
  const common = { fill: 'var(--mantine-color-white)', stroke: colour, strokeWidth: 2 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} {...common} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - size - 1}L${x + size + 1} ${y}L${x} ${y + size + 1}L${x - size - 1} ${y}Z`}
          {...common}
          fill={colour}
        />
      );
    case 'triangle':
      return (
        <path
          d={`M${x} ${y - size - 1}L${x + size + 1} ${y + size}L${x - size - 1} ${y + size}Z`}
          {...common}
        />
      );
  }
}
