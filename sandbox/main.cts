import { startSandbox } from './server.cjs';

/**
 * Starts the sandbox on 127.0.0.1. Usage: node build/sandbox/main.cjs [--port 7001]
 * (SANDBOX_WECOM_PROFILE=legacy for a WeCom tenant set up before the 2022 contact-read changes).
 * Prints one JSON line with the URLs, then serves until stopped (SIGINT/SIGTERM).
 */
async function main() {
	const portArg = process.argv.indexOf('--port');
	const port =
		portArg > -1 ? Number(process.argv[portArg + 1]) : Number(process.env.SANDBOX_PORT ?? 7001);
	const wecomProfile = process.env.SANDBOX_WECOM_PROFILE === 'legacy' ? 'legacy' : 'modern';
	const sandbox = await startSandbox({ port, wecomProfile });
	console.log(
		JSON.stringify({
			sandbox: sandbox.url,
			wecomBaseUrl: sandbox.wecomBaseUrl,
			welinkBaseUrl: sandbox.welinkBaseUrl,
		}),
	);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
