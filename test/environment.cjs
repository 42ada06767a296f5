// The test environment of every tier: jest's Node environment plus n8n's settings. n8n-core keeps
// its instance settings under N8N_USER_FOLDER and tests must never touch ~/.n8n, so each test file
// gets a temporary folder, removed in teardown (which, unlike afterAll, runs even when every test
// of the file is skipped), unless a folder was given from outside.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');

class TestEnvironment extends NodeEnvironment {
	async setup() {
		await super.setup();
		const env = this.global.process.env;
		if (!env.N8N_USER_FOLDER) {
			this.userFolder = mkdtempSync(join(tmpdir(), 'n8n-wecom-welink-test-'));
			env.N8N_USER_FOLDER = this.userFolder;
		}
		env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key-not-a-secret';
		env.N8N_DIAGNOSTICS_ENABLED = 'false';
		env.N8N_LOG_LEVEL ??= 'silent';
	}

	async teardown() {
		if (this.userFolder) rmSync(this.userFolder, { recursive: true, force: true });
		await super.teardown();
	}
}

module.exports = TestEnvironment;
