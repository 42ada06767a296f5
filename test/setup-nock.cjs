// Each test file gets its own copy of nock; a copy left active would intercept the next file's
// requests (they share one process). Activate on entry, restore on exit.
const nock = require('nock');

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
});

afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
