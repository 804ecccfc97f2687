
// Added by scripts/build-wasm, which has each part above instantiated
// here rather than by WebAssembly.instantiateStreaming: a host that does
// not name .wasm files' type as application/wasm (SharePoint, an old
// server) makes streaming refuse the part, so such a part is compiled once
// it has arrived, as wasm-bindgen's glue does for the main part.
async function instantiatePart(download, imports) {
    const response = await download;
    return /^application\/wasm\b/i.test(response.headers.get("Content-Type"))
        ? WebAssembly.instantiateStreaming(response, imports)
        : WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
