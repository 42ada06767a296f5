import type { Router } from '../http.cjs';
import { wecomRoute } from './routes.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * WeCom's IP lists. get_api_domain_ip (path/92520) is answered in routes.cts (the credential test
 * calls it); getcallbackip (path/90465) here: both are GETs any app token may call.
 */

/** Callback sources; entries may be CIDR ranges, as WeChat's own getcallbackip examples show. */
export const SANDBOX_CALLBACK_IPS = ['101.226.103.0/25', '182.254.11.176', '140.207.54.76'];

export function registerCallbackIpRoute(router: Router, world: WeComWorld) {
	wecomRoute(router, world, 'GET', '/cgi-bin/getcallbackip', {}, () => ({
		ip_list: SANDBOX_CALLBACK_IPS,
	}));
}
