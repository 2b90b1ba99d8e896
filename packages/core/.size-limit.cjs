module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/core", { ownCode: "8 kB", consumer: { "*": "37 kB", "{ safeParseResult, Provenance }": "36 kB" } });
