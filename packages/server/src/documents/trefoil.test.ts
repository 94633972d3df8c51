import { describe, expect, it } from 'vitest';
import { trefoil } from './trefoil.js';

/** The corner points of a blade path (M, A end, L, A end), as radius and angle about the centre. */
function corners(path: string, cx: number, cy: number): { radius: number; degrees: number }[] {
  const numbers = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
  // M x y A rx ry rot large sweep x y L x y A rx ry rot large sweep x y
  const points = [
    numbers.slice(0, 2),
    numbers.slice(7, 9),
    numbers.slice(9, 11),
    numbers.slice(16, 18),
  ];
  return points.map(([x, y]) => {
    const degrees = (Math.atan2(cy - y!, x! - cx) * 180) / Math.PI;
    return { radius: Math.hypot(x! - cx, y! - cy), degrees: Math.round((degrees + 360) % 360) };
  });
}

describe('trefoil', () => {
  it('has ISO 361 proportions: disc R, blades from 1.5R to 5R, 60° wide and 60° apart', () => {
    const t = trefoil(100, 50, 25);
    expect(t.discRadius).toBe(5);
    expect(t.blades).toHaveLength(3);
    const blades = t.blades.map((b) => corners(b, 100, 50));
    for (const blade of blades) {
      expect(blade.map((c) => c.radius / t.discRadius)).toEqual([
        expect.closeTo(5, 2),
        expect.closeTo(5, 2),
        expect.closeTo(1.5, 2),
        expect.closeTo(1.5, 2),
      ]);
    }
    // one blade points down (centred on 270°), two up at 30° and 150°
    expect(blades.map((b) => [b[0]!.degrees, b[1]!.degrees])).toEqual([
      [240, 300],
      [0, 60],
      [120, 180],
    ]);
  });
});
