import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import { SANDBOX_CALLBACK } from '../../sandbox/wecom/apps.cjs';
import { SANDBOX_WELINK_CLIENT_SECRET } from '../../sandbox/welink/world.cjs';
import { packageNodes } from '../harness/registry.cjs';
import { startDemo, type Demo } from '../e2e/demo.cjs';
import { cleanup, defaultMajor } from '../e2e/lab.cjs';

import {
	closeNode,
	executeWorkflow,
	openEditor,
	openNode,
	openWorkflow,
	packProblems,
	parameterIssues,
	serverErrors,
	visibleProblems,
	type Editor,
} from './editor.cjs';

/**
 * The browser tier: the demo setup (sandbox + real n8n with the pack installed as a community
 * package + the examples) seen through the n8n editor in headless Chromium, on the n8n major given by
 * N8N_E2E_MAJOR. One n8n and one browser for the whole file; the tests run in order.
 */

const major = defaultMajor();
const PACK = 'n8n-nodes-wecom-welink.';
/** A browser test clicks through many screens; each waits for n8n, never for a fixed budget. */
const TEST_TIMEOUT = 600_000;

/** The credential n8n should offer first for a new node of the demo (not e.g. the contacts-sync one). */
const EXPECTED_CREDENTIAL: Array<[string, string]> = [
	['WeCom Group Robot', ''],
	['WeCom Trigger', 'WeCom callback (sandbox)'],
	['WeCom AI Bot Trigger', 'WeCom AI bot (sandbox)'],
	['WeCom External', ''],
	// AI Bot → Reply answers through the response_url of the message: no credential at all.
	['WeCom AI Bot:', ''],
	['WeCom ', 'WeCom self-built app (sandbox)'],
	['WeLink Trigger', 'WeLink (sandbox)'],
	['WeLink ', 'WeLink (sandbox)'],
];

/** Examples whose run waits for a person (Send and Wait): opened and checked, not executed. */
const WAITS_FOR_A_PERSON = new Set(['exExpenseApprove1']);

/**
 * One node per resource of the WeCom and WeLink nodes with its default operation, and each trigger,
 * without credentials: n8n picks one when the panel opens, as for a node a person adds.
 */
function panelWorkflow() {
	const nodes: Array<{ name: string } & Record<string, unknown>> = [];
	const add = (name: string, type: string, parameters: Record<string, unknown>) =>
		nodes.push({
			id: `panel-${nodes.length}`,
			name,
			type: `${PACK}${type}`,
			typeVersion: 1,
			position: [(nodes.length % 6) * 260, Math.floor(nodes.length / 6) * 220],
			parameters,
			...(type.endsWith('Trigger')
				? { webhookId: `00000000-0000-4000-8000-${String(nodes.length).padStart(12, '0')}` }
				: {}),
		});
	for (const type of ['weCom', 'weLink']) {
		const node = packageNodes.find((n) => n.description.name === type) as INodeType;
		const resource = node.description.properties.find((p) => p.name === 'resource');
		for (const option of (resource?.options ?? []) as INodePropertyOptions[]) {
			const operation = node.description.properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(
						String(option.value),
					),
			);
			const chosen = ((operation?.options ?? []) as INodePropertyOptions[]).find(
				(o) => o.value === operation?.default,
			);
			add(
				`${node.description.displayName} ${option.name}: ${chosen?.name ?? ''}`.replace(/: $/, ''),
				type,
				{
					resource: option.value,
					...(operation ? { operation: operation.default } : {}),
				},
			);
		}
	}
	for (const trigger of packageNodes.filter((n) => n.description.group.includes('trigger')))
		add(trigger.description.displayName, trigger.description.name, {});
	return { name: 'Panels (browser tier)', active: false, nodes, connections: {}, settings: {} };
}

interface ExampleNode {
	name: string;
	type: string;
}

describe(`the n8n ${major}.x editor`, () => {
	let demo: Demo;
	let editor: Editor;
	const url = () => demo.n8n.url;

	beforeAll(async () => {
		demo = await startDemo({ major });
		editor = await openEditor(demo.n8n.url, major);
	}, 600_000);

	afterAll(async () => {
		await editor?.close();
		await demo?.stop();
		if (demo) cleanup(demo.n8n);
	});

	afterEach(() => {
		// Every test ends without a server error or a console error from the pack.
		const problems = editor.problems.splice(0);
		expect(serverErrors(problems)).toEqual([]);
		expect(packProblems(problems)).toEqual([]);
	});

	async function credentialsPage() {
		await editor.page.goto(`${url()}/home/credentials`);
		await editor.page
			.locator('[data-test-id="resources-list-item"]')
			.first()
			.waitFor({ timeout: 60_000 });
	}

	async function openCredential(name: string) {
		await editor.page.locator('[data-test-id="resources-list-item"]', { hasText: name }).click();
		const modal = editor.page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor({ timeout: 20_000 });
		// n8n tests the credential when its modal opens: that is a token fetch for the API types.
		await modal
			.locator('[data-test-id="credentials-config-container-test-success"]')
			.waitFor({ timeout: 30_000 });
		return modal;
	}

	async function closeCredential() {
		await editor.page.keyboard.press('Escape');
		await editor.page
			.locator('[data-test-id="editCredential-modal"]')
			.waitFor({ state: 'hidden', timeout: 10_000 });
	}

	it(
		'lists every credential and opens each one before and after it fetched a token',
		async () => {
			// The pack's credentials (the demo also holds n8n's own OpenAI one for the AI examples).
			const names = (
				(await demo.n8n.rest.get('/rest/credentials')).data.data as Array<{
					name: string;
					type: string;
				}>
			)
				.filter((c) => c.type.startsWith('wecomWelink'))
				.map((c) => c.name);
			expect(names.length).toBeGreaterThanOrEqual(6);
			await credentialsPage();
			for (const name of names) {
				await openCredential(name);
				await closeCredential();
			}
			// Each API credential now holds a token (n8n persisted what the test fetched).
			for (const credential of (await demo.n8n.rest.get('/rest/credentials')).data.data as Array<{
				id: string;
				type: string;
			}>) {
				if (!/WeComApi$|WeLinkApi$/.test(credential.type)) continue;
				const stored = await demo.n8n.storedCredential(credential.id);
				expect(stored.accessToken).toEqual(expect.any(String));
				expect(stored.accessToken).not.toBe('');
			}
			// The page and every modal again, now that tokens are stored (n8n 1.x answered HTTP 500 here).
			await credentialsPage();
			const listed = await editor.page
				.locator('[data-test-id="resources-list-item"]')
				.allInnerTexts();
			for (const name of names) expect(listed.join('\n')).toContain(name);
			await editor.shot('credentials');
			for (const name of names) {
				await openCredential(name);
				if (name.startsWith('WeCom self-built app')) await editor.shot('credential-wecom');
				await closeCredential();
			}
		},
		TEST_TIMEOUT,
	);

	it.each([
		[
			'WeLink (sandbox)',
			'clientSecret',
			'not-the-secret',
			/client ID or client secret is wrong \(10007\)/i,
			SANDBOX_WELINK_CLIENT_SECRET,
		],
		[
			'WeCom callback (sandbox)',
			'token',
			'bad token!',
			/Token must be 1 to 32 letters and digits/,
			SANDBOX_CALLBACK.token,
		],
		[
			'WeCom callback (sandbox)',
			'encodingAesSecret',
			'too-short',
			/EncodingAESKey/,
			SANDBOX_CALLBACK.encodingAesKey,
		],
	])(
		'edits a used credential (%s, %s): a wrong value fails its test with the reason, the right one passes',
		async (name, field, wrong, reason, right) => {
			await credentialsPage();
			const modal = await openCredential(name);
			const input = modal.locator(`[data-test-id="parameter-input-${field}"] input`);
			await input.fill(wrong);
			await modal.locator('[data-test-id="credential-save-button"]').click();
			await modal.getByText('More details').click();
			await expect(modal.innerText()).resolves.toMatch(reason);
			await input.fill(right);
			await modal.locator('[data-test-id="credential-save-button"]').click();
			await modal
				.locator('[data-test-id="credentials-config-container-test-success"]')
				.waitFor({ timeout: 30_000 });
			await closeCredential();
		},
		TEST_TIMEOUT,
	);

	it(
		'opens every example with no load problem, runs it, and shows no parameter issue in the pack’s nodes',
		async () => {
			const report: string[] = [];
			for (const example of demo.examples) {
				await openWorkflow(editor.page, url(), example.id);
				const problems = await visibleProblems(editor.page);
				if (problems.some((p) => /problem|error|could not/i.test(p)))
					report.push(`${example.id}: ${problems.join(' | ')}`);
				const pinned = Object.keys((example as { pinData?: object }).pinData ?? {}).length > 0;
				if (pinned && !WAITS_FOR_A_PERSON.has(example.id)) await executeWorkflow(editor.page);
				await editor.shot(`example-${example.id}`);
				for (const node of example.nodes as ExampleNode[]) {
					if (!node.type.startsWith(PACK)) continue;
					await openNode(editor.page, node.name);
					for (const issue of await parameterIssues(editor.page))
						report.push(`${example.id} / ${node.name}: ${issue}`);
					await closeNode(editor.page);
				}
			}
			expect(report).toEqual([]);
		},
		TEST_TIMEOUT,
	);

	it(
		'opens a panel for each resource’s main operation and each trigger, with the working credential picked',
		async () => {
			const { n8n } = demo;
			const panels = panelWorkflow();
			const created = await n8n.rest.post('/rest/workflows', panels);
			const id = created.data.data.id as string;
			await openWorkflow(editor.page, url(), id);
			const report: string[] = [];
			for (const node of panels.nodes) {
				const subtitle = await editor.page
					.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`)
					.innerText();
				if (/\b(we com|we link|i ds)\b|^\w+: \w+$/im.test(subtitle))
					report.push(`${node.name}: subtitle "${subtitle.replace(/\s+/g, ' ')}"`);
				await openNode(editor.page, node.name);
				const panel = editor.page.locator('[data-test-id="ndv"]');
				// n8n fills a node's only credential type itself; where it does, it must be a working one.
				// (With two credential types, as the External Contact Trigger's optional WeCom API, or
				// the robot credential of a WeCom node made for another resource, it leaves the choice.)
				const picked = await panel
					.locator('[data-test-id="node-credentials-select"] input')
					.evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
				if (picked.some((name) => /wrong/i.test(name)))
					report.push(`${node.name}: credential ${picked.join(', ')}`);
				const expected = EXPECTED_CREDENTIAL.find(([prefix]) => node.name.startsWith(prefix))?.[1];
				if (expected && !picked.includes(expected))
					report.push(`${node.name}: credential ${picked.join(', ') || 'none'}, not ${expected}`);
				if (node.name === 'WeCom Meeting: Create') await editor.shot('panel-meeting-create');
				if (node.name === 'WeCom Contacts Sync: Sync to WeCom')
					await editor.shot('panel-contacts-sync');
				await closeNode(editor.page);
			}
			await editor.shot('panels');
			expect(report).toEqual([]);
		},
		TEST_TIMEOUT,
	);

	it(
		'runs the approval-to-meeting example from the editor and shows the meeting code in the output panel',
		async () => {
			await openWorkflow(editor.page, url(), 'exApprovalMeet01');
			const before = new Set(demo.sandbox.state.wecom.meetings.meetings.keys());
			await executeWorkflow(editor.page);
			const booked = [...demo.sandbox.state.wecom.meetings.meetings.values()].filter(
				(m) => !before.has(m.meetingid),
			);
			expect(booked).toHaveLength(1);
			await editor.shot('approval-to-meeting-run');
			await openNode(editor.page, 'Create WeCom Meeting');
			const output = editor.page.locator('[data-test-id="output-panel"]');
			await output.waitFor({ timeout: 10_000 });
			expect(await output.innerText()).toContain(booked[0].meeting_code);
			await editor.shot('approval-to-meeting-output');
			await closeNode(editor.page);
		},
		TEST_TIMEOUT,
	);
});
