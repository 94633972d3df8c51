/**
 * The ionizing-radiation symbol (trefoil) in ISO 361 proportions, as vector paths: a central disc
 * of radius R and three blades, each a 60° sector of the ring from 1.5R to 5R, 60° apart, one
 * pointing straight down and two up to the left and right.
 */

export interface Trefoil {
  readonly centre: { readonly x: number; readonly y: number };
  /** R: the radius of the central disc. */
  readonly discRadius: number;
  /** The three blades as SVG path data, in page coordinates (y grows downwards). */
  readonly blades: readonly string[];
}

/** Blade directions in degrees, counter-clockwise from the +x axis (y up): down, upper right, upper left. */
const BLADE_CENTRES = [270, 30, 150];

/** The trefoil centred at (x, y) whose blades reach `outerRadius` (= 5R). */
export function trefoil(x: number, y: number, outerRadius: number): Trefoil {
  const r = outerRadius / 5;
  const point = (radius: number, degrees: number) => {
    const a = (degrees * Math.PI) / 180;
    return `${round(x + radius * Math.cos(a))} ${round(y - radius * Math.sin(a))}`;
  };
  const blades = BLADE_CENTRES.map((c) => {
    const [from, to] = [c - 30, c + 30];
    const outer = round(5 * r);
    const inner = round(1.5 * r);
    // Outer arc counter-clockwise on the page (sweep 0), inner arc back clockwise (sweep 1).
    return (
      `M ${point(5 * r, from)} A ${outer} ${outer} 0 0 0 ${point(5 * r, to)} ` +
      `L ${point(1.5 * r, to)} A ${inner} ${inner} 0 0 1 ${point(1.5 * r, from)} Z`
    );
  });
  return { centre: { x, y }, discRadius: r, blades };
}

/** Draws the trefoil filled in `colour` (black on a label printer). */
export function drawTrefoil(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  outerRadius: number,
  colour = 'black',
): void {
  const t = trefoil(x, y, outerRadius);
  doc.save();
  doc.circle(t.centre.x, t.centre.y, t.discRadius).fill(colour);
  for (const blade of t.blades) doc.path(blade).fill(colour);
  doc.restore();
}

/** Three decimals: stable text in the PDF and no visible loss. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
