// TypeScript sources import `./x.cjs` (the compiled name of x.cts); under ts-jest only the .cts exists.
module.exports = (request, options) => {
	try {
		return options.defaultResolver(request, options);
	} catch (error) {
		if (request.startsWith('.') && request.endsWith('.cjs')) {
			return options.defaultResolver(`${request.slice(0, -4)}.cts`, options);
		}
		throw error;
	}
};
