import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { shippingPapersPdf } from './shipping-papers-pdf.js';
import { papersExample } from './shipping-papers.test.js';
it('renders', async () => {
  const producedAt = new Date(0);
  writeFileSync('/tmp/sp.pdf', await shippingPapersPdf(papersExample, { producedAt }));
  writeFileSync('/tmp/spa.pdf', await shippingPapersPdf(papersExample, { producedAt, compress: false }));
  writeFileSync('/tmp/spb.pdf', await shippingPapersPdf(papersExample, { producedAt, compress: false }));
});
