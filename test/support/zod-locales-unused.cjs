// What jest gives zod for its `locales` namespace (see moduleNameMapper in jest.config.js): nothing. The app speaks
// English, which zod registers from its own en.cjs; the other 60-odd locales cost every test file ~60 ms to load.
module.exports = {};
