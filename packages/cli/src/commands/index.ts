import type { Command } from "../command";
import { checkFeedCommand } from "./check-feed";
import { demoCommand } from "./demo";
import { exportCommand, importCommand } from "./interop";
import { reportCommand } from "./report";
import { schemaCommand } from "./schema";
import { scoreCommand } from "./score";
import { searchCommand } from "./search";
import { validateCommand } from "./validate";

/** Every `selfmanage` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [validateCommand, scoreCommand, searchCommand, importCommand, exportCommand, checkFeedCommand, schemaCommand, reportCommand, demoCommand];
