import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

import { OWNER, ROOT } from '../e2e/lab.cjs';

/**
 * The n8n editor in Debian's headless Chromium, driven by playwright-core (no browser download):
 * what a person sees. Screenshots go to build/browser (a CI artifact).
 */

export const SCREENSHOTS = join(ROOT, 'build', 'browser');

/** Debian's chromium; CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Problems the page reported: console errors and failed requests, with their URLs. */
export interface PageProblem {
	kind: 'console' | 'response' | 'pageerror';
	text: string;
	url: string;
}

export interface Editor {
	browser: Browser;
	page: Page;
	problems: PageProblem[];
	shot(name: string): Promise<string>;
	close(): Promise<void>;
}

export async function openEditor(baseUrl: string, major: number): Promise<Editor> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		// Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
	const problems: PageProblem[] = [];
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() === 'error')
			problems.push({ kind: 'console', text: message.text(), url: message.location().url });
	});
	page.on('pageerror', (error) =>
		problems.push({ kind: 'pageerror', text: `${error.message}\n${error.stack ?? ''}`, url: '' }),
	);
	page.on('response', (response) => {
		if (response.status() >= 400)
			problems.push({
				kind: 'response',
				text: `HTTP ${response.status()} ${response.request().method()}`,
				url: response.url(),
			});
	});
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[type=email]', OWNER.email);
	await page.fill('input[type=password]', OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL(/\/(home|workflows)/, { timeout: 60_000 });
	return {
		browser,
		page,
		problems,
		async shot(name) {
			const path = join(SCREENSHOTS, `n8n${major}-${name}.png`);
			await page.screenshot({ path });
			return path;
		},
		close: async () => await browser.close(),
	};
}

/** Our package and credential types, as they appear in URLs and messages. */
const OURS = /n8n-nodes-wecom-welink|wecomWelink/;

/** n8n endpoints that run the pack's own code in the editor: pickers, credential tests. */
const PACK_ENDPOINTS = /\/rest\/(dynamic-node-parameters|credentials\/test)/;

/**
 * The page problems that come from the pack: anything naming it, and failed calls of the endpoints
 * that run its code. n8n asks for an optional output schema of every node it shows
 * (`/schemas/<type>/<version>/<resource>/<operation>.json`); a 404 there means "no schema preview",
 * which n8n handles, and is no fault of a node.
 */
export function packProblems(problems: PageProblem[]) {
	return problems.filter(
		(p) =>
			(OURS.test(p.text) ||
				OURS.test(p.url) ||
				(p.kind === 'response' && PACK_ENDPOINTS.test(p.url))) &&
			!/\/schemas\//.test(p.url),
	);
}

/** Server errors anywhere: the Credentials page broke with an HTTP 500 from n8n's redaction. */
export function serverErrors(problems: PageProblem[]) {
	return problems.filter((p) => p.kind === 'response' && /^HTTP 5\d\d/.test(p.text));
}

export async function openWorkflow(page: Page, baseUrl: string, id: string) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	// Credentials, node types and pinned data settle after the first paint.
	await page.waitForTimeout(1_000);
}

/** Text of n8n's toasts and error banners on screen (e.g. "Init Problem", "Problem loading"). */
export async function visibleProblems(page: Page) {
	const texts = await page
		.locator('.el-notification, [role="alert"], [data-test-id="workflow-error"]')
		.allInnerTexts();
	return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export async function openNode(page: Page, name: string) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 20_000 });
	// Pickers and the credential load after the panel opens.
	await page.waitForTimeout(800);
}

export async function closeNode(page: Page) {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The parameters the open panel marks as wrong (red triangles), by their titles. */
export async function parameterIssues(page: Page) {
	const issues = page.locator('[data-test-id="ndv"] [data-test-id="parameter-issues"]');
	const count = await issues.count();
	const found: string[] = [];
	for (let i = 0; i < count; i++) {
		await issues.nth(i).hover();
		const tip = page.locator('.el-popper[aria-hidden="false"], .el-tooltip__popper').last();
		const text = await tip.innerText({ timeout: 2_000 }).catch(() => '');
		const input = issues.nth(i).locator('xpath=ancestor::*[@data-parameter-path][1]');
		const path = (await input.getAttribute('data-parameter-path').catch(() => null)) ?? '?';
		found.push(`${path}: ${text.replace(/\s+/g, ' ').trim()}`);
	}
	return found;
}

/** Runs the open workflow from the editor ("Execute workflow") and waits until it has finished. */
export async function executeWorkflow(page: Page) {
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	// The button shows a spinner / "Stop" while running; wait for it to come back.
	await page.waitForTimeout(1_000);
	await page
		.locator('[data-test-id="stop-execution-button"]')
		.waitFor({ state: 'hidden', timeout: 120_000 })
		.catch(() => undefined);
	await page.waitForTimeout(1_000);
}
