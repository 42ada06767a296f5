import { runPackageScanner } from '../harness/scanner.cjs';

/**
 * n8n's community-package gate (@n8n/scan-community-package) on what would be published: the
 * `npm pack` tarball of the built pack and the source, with the scanner's own lint configuration
 * (which ignores inline rule exceptions). Runs offline: nothing is downloaded.
 */
describe('n8n community package scanner', () => {
	it('passes the packed tarball and the source', async () => {
		const report = await runPackageScanner();
		expect(report).toContain('tarball: passed');
		expect(report).toContain('source: passed');
	}, 180_000);
});
