import { cleanup, occupiedPort, startN8n, waitFor, type N8n } from './lab.cjs';

/**
 * The lab itself: a crashed n8n must fail the test that waits on it at once, with n8n's log, not
 * after the wait's own timeout (180 s for start-up, 20–60 s for a test's waits). Each test's jest
 * timeout is far below the wait it cuts short, so a lab that waited would fail here.
 */
describe('e2e lab: a crashed n8n fails the waiting test at once', () => {
	let n8n: N8n | undefined;

	afterAll(async () => {
		await n8n?.stop();
		if (n8n) cleanup(n8n);
	});

	it('while starting (the 180 s start-up wait ends when n8n exits)', async () => {
		// Another server holds n8n's port (and never answers): n8n cannot listen and exits.
		const { port, close } = await occupiedPort();
		try {
			const starting = startN8n({ port, keepHomeOnFailure: false }).then(async (unexpected) => {
				await unexpected.stop();
				cleanup(unexpected);
				return unexpected;
			});
			await expect(starting).rejects.toThrow(/n8n main exited unexpectedly[\s\S]*already in use/);
		} finally {
			await close();
		}
	}, 90_000);

	it('while a test waits on it (waitFor and webhook calls end when n8n exits)', async () => {
		n8n = await startN8n();
		expect((await n8n.webhook('no-such-path')).status).toBe(404);
		const waiting = waitFor(async () => false, 180_000);
		n8n.kill();
		await expect(waiting).rejects.toThrow(/n8n main exited unexpectedly \(SIGKILL\)/);
		await expect(n8n.webhook('no-such-path')).rejects.toThrow(/n8n main exited unexpectedly/);
	}, 120_000);
});
