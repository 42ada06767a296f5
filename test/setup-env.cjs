// n8n-core keeps its instance settings under N8N_USER_FOLDER; tests must never touch ~/.n8n.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-wecom-welink-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key-not-a-secret';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';
