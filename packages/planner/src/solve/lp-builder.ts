import type { Highs, ModelData } from 'highs';

/** A sparse linear model built row by row, handed to HiGHS in CSR form. */
export class LpBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: boolean[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  offset = 0;

  column(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer);
    return this.cost.length - 1;
  }

  /** lower ≤ Σ values[k] · x[columns[k]] ≤ upper. Empty rows are skipped. */
  row(columns: readonly number[], values: readonly number[], lower: number, upper: number): void {
    if (columns.length === 0) return;
    for (let k = 0; k < columns.length; k++) {
      this.indices.push(columns[k] as number);
      this.values.push(values[k] as number);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  get rows(): number {
    return this.rowLower.length;
  }

  get columns(): number {
    return this.cost.length;
  }

  /** The model for HiGHS; `relax` drops integrality (the LP relaxation). */
  model(highs: Highs, relax = false): ModelData {
    const { integer, continuous } = highs.constants.variableType;
    return {
      numCols: this.columns,
      numRows: this.rows,
      offset: this.offset,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      matrix: {
        format: 'csr',
        numRows: this.rows,
        numCols: this.columns,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
      integrality: this.integer.map((i) => (i && !relax ? integer : continuous)),
    };
  }
}
