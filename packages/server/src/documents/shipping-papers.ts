import { measuringDocument } from './pdf-output.js';
import { unprintableIn, type DocumentLang } from './document-lang.js';
import { PAPERS_WORDS } from './document-words.js';
import { printable } from './win-ansi.js';

/**
 * What a shipment's shipping papers show (the dangerous-goods transport document of Class 7,
 * radioactive material: IAEA SSR-6 para. 546–550, 49 CFR 172.202–204): plain data the service maps
 * its shipment into, times formatted in the site's zone. The category, label and form unions are
 * those of @halflife/ops (PackageCategory, LabelCategory, PhysicalForm), spelled out here because
 * the documents do not depend on ops. shipping-papers-pdf.ts prints it.
 */

export interface ShippingPapersPackage {
  /** The package's label code, also printed as a Code 128 barcode. */
  readonly code: string;
  /** "UN 2915". */
  readonly unNumber: string;
  readonly properShippingName: string;
  readonly category: 'excepted' | 'type-a' | 'type-b';
  readonly label: 'I-WHITE' | 'II-YELLOW' | 'III-YELLOW' | null;
  readonly transportIndex: number | null;
  /** The packaging's name. */
  readonly packaging: string;
  readonly form: 'liquid' | 'solid' | 'gas';
  /** Every nuclide with its activity at dispatch, Bq (printed in MBq/GBq/TBq, 3 significant figures). */
  readonly contents: readonly { readonly nuclide: string; readonly activityBq: number }[];
  readonly a2Fraction: number;
  /** "Lu-177 PSMA-617 for P-00012" lines. */
  readonly doses: readonly string[];
}

export interface ShippingPapers {
  readonly shipmentKey: string;
  readonly consignor: { readonly name: string; readonly address: string };
  readonly consignee: { readonly name: string; readonly address: string };
  readonly vehicle: string | null;
  readonly courier: string | null;
  /** Already formatted local time: "12 Mar 2026 09:30 CET". */
  readonly departText: string;
  readonly arriveText: string;
  readonly packages: readonly ShippingPapersPackage[];
  readonly transportIndexSum: number | null;
  readonly exclusiveUse: boolean;
  /** Regulations cited on the paper, e.g. 'IAEA SSR-6 (2018); GB 11806-2019; 49 CFR 172.202-203'. */
  readonly regulations: string;
}

export type PackageCategory = ShippingPapersPackage['category'];
export type PackageLabel = NonNullable<ShippingPapersPackage['label']>;
export type PhysicalForm = ShippingPapersPackage['form'];

export const CATEGORY_TEXT: Readonly<Record<PackageCategory, string>> = PAPERS_WORDS.en.category;
export const LABEL_TEXT: Readonly<Record<PackageLabel, string>> = PAPERS_WORDS.en.label;
export const FORM_TEXT: Readonly<Record<PhysicalForm, string>> = PAPERS_WORDS.en.form;

/**
 * The Class 7 UN numbers of each category: excepted packages (2908–2911, 3507), Type A (2915,
 * 3327, 3332, 3333), Type B(U) and B(M) (2916, 3328, 2917, 3329), fissile or not, special form or not.
 */
export const UN_NUMBERS: Readonly<Record<PackageCategory, readonly string[]>> = {
  excepted: ['UN 2908', 'UN 2909', 'UN 2910', 'UN 2911', 'UN 3507'],
  'type-a': ['UN 2915', 'UN 3327', 'UN 3332', 'UN 3333'],
  'type-b': ['UN 2916', 'UN 2917', 'UN 3328', 'UN 3329'],
};

/** The highest TI each label allows (SSR-6 Table 10); above 10 only under exclusive use. */
const LABEL_MAX_TI: Readonly<Record<PackageLabel, number>> = {
  'I-WHITE': 0,
  'II-YELLOW': 1,
  'III-YELLOW': 10,
};

export const MAX_PACKAGES = 200;
/** Bounds that keep every table row and every package's code block shorter than a page. */
export const SHIPPING_PAPERS_LIMITS = {
  name: 200,
  address: 400,
  /** Code 128 at 0.72 pt a module: 24 characters fit beside the package's doses. */
  code: 24,
  nuclides: 24,
  nuclide: 10,
  doses: 40,
  dose: 200,
  packaging: 100,
} as const;

/**
 * How shipping-papers-pdf.ts sets a package's doses beside its barcode, one "• " line each
 * (wrapped), so that the check can measure them: at most `maxHeight` keeps the block on a page.
 */
export const DOSE_LINES = { font: 'Helvetica', fontSize: 8, width: 250, maxHeight: 600 } as const;

/** The height of a package's dose lines as printed, in points. */
export function doseLinesHeight(doc: PDFKit.PDFDocument, doses: readonly string[]): number {
  doc.font(DOSE_LINES.font).fontSize(DOSE_LINES.fontSize);
  return doses.reduce(
    (h, d) => h + doc.heightOfString(`• ${printable(d)}`, { width: DOSE_LINES.width }),
    0,
  );
}

/** `x` to 3 significant figures: "370", "7.4", "0.0185", "1.23E-7" (below 0.001, from 1E6). */
export function threeFigures(x: number): string {
  const rounded = Number(x.toPrecision(3));
  if (rounded !== 0 && (Math.abs(rounded) < 1e-3 || Math.abs(rounded) >= 1e6)) {
    const [mantissa, exponent] = rounded.toExponential(2).split('e');
    return `${Number(mantissa)}E${Number(exponent)}`;
  }
  return rounded.toString();
}

/** An activity in TBq from 1 TBq, GBq from 1 GBq, MBq below, to 3 significant figures. */
export function activityText(bq: number): string {
  const rounded = Number(bq.toPrecision(3));
  if (rounded >= 1e12) return `${threeFigures(rounded / 1e12)} TBq`;
  if (rounded >= 1e9) return `${threeFigures(rounded / 1e9)} GBq`;
  return `${threeFigures(rounded / 1e6)} MBq`;
}

/** A transport index, to the tenth it is rounded up to: "0", "0.4", "12.3". */
export function transportIndexText(ti: number): string {
  return (Math.round(ti * 10) / 10).toString();
}

const CODE_128 = /^[!-~](?:[ -~]*[!-~])?$/;
const UN_NUMBER = /^UN \d{4}$/;

/**
 * What keeps `p` from printing in `lang`, each with its path ("packages[2].code: …"); empty if
 * nothing.
 */
export function shippingPapersProblems(p: ShippingPapers, lang: DocumentLang = 'en'): string[] {
  const check = checker(lang);
  check.text('shipmentKey', p.shipmentKey);
  for (const party of ['consignor', 'consignee'] as const) {
    check.text(`${party}.name`, p[party].name);
    check.text(`${party}.address`, p[party].address, SHIPPING_PAPERS_LIMITS.address);
  }
  if (p.vehicle !== null) check.text('vehicle', p.vehicle);
  if (p.courier !== null) check.text('courier', p.courier);
  check.text('departText', p.departText);
  check.text('arriveText', p.arriveText);
  check.text('regulations', p.regulations, SHIPPING_PAPERS_LIMITS.address);
  if (p.transportIndexSum !== null) check.number('transportIndexSum', p.transportIndexSum);

  if (p.packages.length === 0) check.add('packages', 'expected at least one package');
  if (p.packages.length > MAX_PACKAGES) {
    check.add(
      'packages',
      `at most ${MAX_PACKAGES} packages per shipment, got ${p.packages.length}`,
    );
    return check.problems;
  }
  const codes = new Set<string>();
  p.packages.forEach((pkg, i) => {
    if (codes.has(pkg.code)) {
      check.add(`packages[${i}].code`, `"${pkg.code}" is on an earlier package`);
    }
    codes.add(pkg.code);
    packageProblems(check, `packages[${i}]`, pkg, p.exclusiveUse);
  });

  // Excepted packages have no TI; a missing TI of another package is reported above.
  const tis = p.packages.map(
    (pkg) => pkg.transportIndex ?? (pkg.category === 'excepted' ? 0 : NaN),
  );
  if (p.transportIndexSum !== null && tis.length > 0 && tis.every(Number.isFinite)) {
    const sum = Math.round(tis.reduce((a, b) => a + b, 0) * 10) / 10;
    if (Math.abs(sum - p.transportIndexSum) > 0.051) {
      check.add(
        'transportIndexSum',
        `the packages' transport indexes add up to ${sum}, not ${p.transportIndexSum}`,
      );
    }
  }
  return check.problems;
}

type Checker = ReturnType<typeof checker>;

/** Collects problems, with the checks every field uses. */
function checker(lang: DocumentLang) {
  const problems: string[] = [];
  const add = (path: string, issue: string) => {
    problems.push(`${path}: ${issue}`);
  };
  let doc: PDFKit.PDFDocument | undefined;
  return {
    problems,
    add,
    /** One document that measures text as `lang`'s documents set it, made on first use. */
    measuring: () => (doc ??= measuringDocument(lang)),
    /** Not blank, at most `max` characters, each line printable. */
    text(path: string, value: string, max: number = SHIPPING_PAPERS_LIMITS.name) {
      const issue =
        printable(value).trim() === ''
          ? 'is empty'
          : value.length > max
            ? `at most ${max} characters, got ${value.length}`
            : value
                .split(/\r?\n/)
                .map((line) => unprintableIn(lang, line))
                .find((u) => u !== undefined);
      if (issue !== undefined) add(path, issue);
    },
    number(path: string, value: number) {
      if (!(Number.isFinite(value) && value >= 0)) {
        add(path, `expected a number from 0, got ${value}`);
      }
    },
    known(path: string, value: string, texts: Readonly<Record<string, string>>) {
      if (!Object.hasOwn(texts, value)) add(path, `unknown value "${value}"`);
      return Object.hasOwn(texts, value);
    },
  };
}

function packageProblems(
  check: Checker,
  path: string,
  pkg: ShippingPapersPackage,
  exclusiveUse: boolean,
): void {
  const L = SHIPPING_PAPERS_LIMITS;
  if (!CODE_128.test(pkg.code) || pkg.code.length > L.code) {
    check.add(
      `${path}.code`,
      `expected 1–${L.code} ASCII characters (Code 128), got "${pkg.code}"`,
    );
  }
  const category = check.known(`${path}.category`, pkg.category, CATEGORY_TEXT);
  check.known(`${path}.form`, pkg.form, FORM_TEXT);
  const label = pkg.label === null || check.known(`${path}.label`, pkg.label, LABEL_TEXT);
  if (!UN_NUMBER.test(pkg.unNumber)) {
    check.add(`${path}.unNumber`, `expected "UN nnnn", got "${pkg.unNumber}"`);
  } else if (category && !UN_NUMBERS[pkg.category].includes(pkg.unNumber)) {
    const name = CATEGORY_TEXT[pkg.category];
    check.add(`${path}.unNumber`, `${pkg.unNumber} is not a ${name} package's`);
  }
  check.text(`${path}.properShippingName`, pkg.properShippingName);
  if (!/^RADIOACTIVE MATERIAL\b/i.test(pkg.properShippingName.trim())) {
    check.add(`${path}.properShippingName`, 'expected a Class 7 name ("RADIOACTIVE MATERIAL, …")');
  }
  check.text(`${path}.packaging`, pkg.packaging, L.packaging);
  check.number(`${path}.a2Fraction`, pkg.a2Fraction);
  if (pkg.transportIndex !== null) check.number(`${path}.transportIndex`, pkg.transportIndex);
  if (category && label) {
    labelProblems(pkg, exclusiveUse).forEach((issue) => check.add(path, issue));
  }

  if (pkg.contents.length === 0) check.add(`${path}.contents`, 'expected at least one nuclide');
  if (pkg.contents.length > L.nuclides) {
    check.add(`${path}.contents`, `at most ${L.nuclides} nuclides, got ${pkg.contents.length}`);
  }
  pkg.contents.forEach((c, j) => {
    check.text(`${path}.contents[${j}].nuclide`, c.nuclide, L.nuclide);
    check.number(`${path}.contents[${j}].activityBq`, c.activityBq);
  });
  if (pkg.contents.length > 0 && !pkg.contents.some((c) => c.activityBq > 0)) {
    check.add(`${path}.contents`, 'expected some activity');
  }
  if (pkg.doses.length > L.doses) {
    check.add(`${path}.doses`, `at most ${L.doses} doses per package, got ${pkg.doses.length}`);
  }
  pkg.doses.forEach((d, j) => check.text(`${path}.doses[${j}]`, d, L.dose));
  if (pkg.doses.length <= L.doses && pkg.doses.every((d) => d.length <= L.dose)) {
    const height = Math.ceil(doseLinesHeight(check.measuring(), pkg.doses));
    if (height > DOSE_LINES.maxHeight) {
      check.add(
        `${path}.doses`,
        `${height} pt of text, at most ${DOSE_LINES.maxHeight} pt fit beside the package's barcode`,
      );
    }
  }
}

/**
 * A package's label against its category and TI: an excepted package carries no category label;
 * any other needs its label and TI on the paper (49 CFR 172.203(d)), a label that allows its TI,
 * and exclusive use above TI 10.
 */
function labelProblems(pkg: ShippingPapersPackage, exclusiveUse: boolean): string[] {
  if (pkg.category === 'excepted') {
    return pkg.label === null ? [] : ['an excepted package carries no category label'];
  }
  if (pkg.label === null || pkg.transportIndex === null) {
    return [`a ${CATEGORY_TEXT[pkg.category]} package needs its label and transport index`];
  }
  const max = LABEL_MAX_TI[pkg.label];
  if (pkg.transportIndex > max && pkg.label !== 'III-YELLOW') {
    return [`label ${pkg.label} allows TI ${max} at most, got ${pkg.transportIndex}`];
  }
  if (pkg.transportIndex > max && !exclusiveUse) {
    return [`TI ${pkg.transportIndex} is above 10: only under exclusive use`];
  }
  return [];
}
