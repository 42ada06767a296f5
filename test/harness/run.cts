import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IConnections,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { dirname, join } from 'node:path';

import { HarnessCredentialsHelper } from './credentials.cjs';
import { HarnessNodeTypes, latestVersion } from './registry.cjs';
import { assertNoLeaks } from './secrets.cjs';

/**
 * Runs workflows in-process on n8n-core's real engine (expressions, parameters, continue-on-fail,
 * paired items, credentials with preAuthentication), modelled on n8n's own NodeTestHarness, which
 * is not published for community packages.
 */

export interface HarnessWorkflow {
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

export interface RunOptions {
	/** Credentials by type; every node that declares the type gets this one. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Reuse one helper across runs (shared persisted tokens between "executions"). */
	credentialsHelper?: HarnessCredentialsHelper;
	/** Items fed to the first node (the harness input node). */
	items?: IDataObject[] | INodeExecutionData[];
	mode?: WorkflowExecuteMode;
	timezone?: string;
	extraNodeTypes?: Record<string, INodeType>;
	/** The workflow's static data, kept by the caller between runs (as n8n keeps it for active workflows). */
	staticData?: IDataObject;
	/** Extra values the secret-leak scan looks for (besides every credential's secret fields). */
	secrets?: string[];
}

export interface HarnessRun {
	run: IRun;
	credentialsHelper: HarnessCredentialsHelper;
	/** JSON of each output item of a node (first run; the first output unless another is given). */
	output(nodeName: string, output?: number): IDataObject[];
	items(nodeName: string, output?: number): INodeExecutionData[];
	/** The error the run stopped with, if any. */
	error: (Error & { description?: string; context?: IDataObject }) | undefined;
}

export const credentialId = (type: string) => `harness-${type}`;

export async function runWorkflow(
	workflowData: HarnessWorkflow,
	options: RunOptions = {},
): Promise<HarnessRun> {
	const nodeTypes = new HarnessNodeTypes(options.extraNodeTypes);
	const credentialsHelper = options.credentialsHelper ?? new HarnessCredentialsHelper();
	for (const [type, data] of Object.entries(options.credentials ?? {})) {
		credentialsHelper.set(credentialId(type), type, data);
	}
	const nodes = workflowData.nodes.map((node) => withCredentials(node, nodeTypes));
	const mode = options.mode ?? 'manual';
	const workflow = new Workflow({
		id: 'harness',
		name: 'harness',
		nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: { timezone: options.timezone ?? 'Asia/Shanghai', ...(workflowData.settings ?? {}) },
		staticData: options.staticData ?? {},
	});
	const base: IWorkflowBase = {
		id: 'harness',
		name: 'harness',
		active: false,
		nodes,
		connections: workflowData.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, 'harness-execution', base);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = {
		executionId: 'harness-execution',
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not available in the harness');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('task runners are not available in the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const start = nodes.find((n) => isStart(n, workflowData.connections)) ?? nodes[0];
	const items = (options.items ?? [{}]).map((item) =>
		'json' in (item as object) ? (item as INodeExecutionData) : { json: item as IDataObject },
	);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [items] }, source: null }] },
	});

	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	stopEngineTimers();
	// Nothing a user sees (outputs, errors with description and context) may hold a secret.
	assertNoLeaks(
		'the run data or error of a harness run',
		{ runData: run.data.resultData.runData, error: run.data.resultData.error },
		[...credentialsHelper.secrets(), ...(options.secrets ?? [])],
	);
	const runData = run.data.resultData.runData;
	const items_ = (nodeName: string, output = 0) =>
		runData[nodeName]?.[0]?.data?.main?.[output] ?? [];
	return {
		run,
		credentialsHelper,
		items: items_,
		output: (nodeName: string, output = 0) => items_(nodeName, output).map((i) => i.json),
		error: run.data.resultData.error as HarnessRun['error'],
	};
}

/**
 * n8n-core's SSHClientsManager (a DI singleton created by the first node run) starts a 60-second
 * cleanup interval that only its onShutdown() clears, which n8n calls on process exit: in a test
 * process it would keep Node alive after the last test. Nothing here opens SSH tunnels, so clearing
 * it after each run is harmless; later runs reuse the singleton without a new interval. The class is
 * not exported, hence the path into n8n-core's dist, and n8n-core's own copy of @n8n/di.
 */
function stopEngineTimers() {
	const core = dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [core] })) as {
		Container: { has(type: unknown): boolean; get<T>(type: new (...args: never[]) => T): T };
	};
	const { SSHClientsManager } = require(
		join(core, 'dist/execution-engine/ssh-clients-manager.js'),
	) as { SSHClientsManager: new (...args: never[]) => { onShutdown(): void } };
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}

function isStart(node: INode, connections: IConnections) {
	return !Object.values(connections).some((outputs) =>
		Object.values(outputs).some((byIndex) =>
			byIndex?.some((targets) => targets?.some((t) => t.node === node.name)),
		),
	);
}

function withCredentials(node: INode, nodeTypes: HarnessNodeTypes): INode {
	if (node.credentials) return node;
	const description = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	const credentials: INode['credentials'] = {};
	for (const { name } of description.credentials ?? [])
		credentials[name] = { id: credentialId(name), name: `${name} (harness)` };
	return Object.keys(credentials).length ? { ...node, credentials } : node;
}

/** One node of the pack fed with items: the shape of most operation tests. */
export async function runNode(
	node: {
		type: string;
		parameters: IDataObject;
		name?: string;
		continueOnFail?: boolean;
		/** n8n's "On Error" setting; `continueOnFail` is the same as 'continueRegularOutput'. */
		onError?: 'continueRegularOutput' | 'continueErrorOutput';
		/** The node's current version unless given. */
		typeVersion?: number;
	},
	options: RunOptions = {},
) {
	const name = node.name ?? 'Node';
	return await runWorkflow(
		{
			nodes: [
				{
					id: 'input',
					name: 'Input',
					type: 'harness.input',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'node',
					name,
					type: node.type.includes('.') ? node.type : `CUSTOM.${node.type}`,
					typeVersion: node.typeVersion ?? latestVersion(node.type.split('.').pop() as string),
					position: [200, 0],
					parameters: node.parameters as INode['parameters'],
					...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
					...(node.onError ? { onError: node.onError } : {}),
				},
			],
			connections: { Input: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		},
		options,
	);
}
