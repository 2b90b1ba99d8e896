module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/core", { ownCode: "9 kB", consumer: { "*": "38 kB", "{ safeParseResult, Provenance }": "36 kB" } });
