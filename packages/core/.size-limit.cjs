module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/core", { ownCode: "12.5 kB", consumer: { "*": "41 kB", "{ safeParseResult, Provenance }": "38.5 kB" } });
