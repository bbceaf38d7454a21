// Validates a SARIF log with the tools code-scanning services use: ajv
// against the SARIF 2.1.0 JSON schema that Microsoft's SARIF Multitool
// ships, then the Multitool's own validator (its rules SARIF1001... and
// SARIF2001...). Prints every schema error and every Multitool result, or
// one line per tool saying it found none; exits 1 when anything was found.
//
// usage: node sarif_check.js TOOLS_DIR LOG_FILE WORK_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

const [toolsDir, logFile, workDir] = process.argv.slice(2);
const modules = path.join(toolsDir, 'node_modules');
const multitoolDir = path.join(modules, '@microsoft', 'sarif-multitool-linux');
const Ajv2020 = require(path.join(modules, 'ajv', 'dist', '2020')).default;
const addFormats = require(path.join(modules, 'ajv-formats'));

let found = 0;
const schema =
    JSON.parse(fs.readFileSync(path.join(multitoolDir, 'sarif-2.1.0.json')));
const ajv = new Ajv2020({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(schema);
const log = JSON.parse(fs.readFileSync(logFile, 'utf8'));
if (validate(log)) {
  console.log('ajv: valid');
} else {
  for (const e of validate.errors) {
    ++found;
    console.log(`ajv: ${e.instancePath} ${e.message}`);
  }
}

const out = path.join(workDir, 'multitool.sarif');
try {
  execFileSync(path.join(multitoolDir, 'Sarif.Multitool'),
               ['validate', logFile, '--output', out, '--log', 'ForceOverwrite',
                '--quiet'],
               {env: {...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1'},
                stdio: ['ignore', 'pipe', 'pipe']});
} catch (e) {
  // It exits non-zero when it reports errors; the log says which.
  if (!fs.existsSync(out)) {
    console.log(`multitool: did not run: ${e.stdout}${e.stderr}`.trim());
    process.exit(2);
  }
}
const results = JSON.parse(fs.readFileSync(out, 'utf8')).runs
                    .flatMap((run) => run.results || []);
for (const r of results) {
  ++found;
  console.log(`multitool: ${r.ruleId} ${r.level || 'warning'}: ` +
              `${(r.message.arguments || []).join(' | ')}`);
}
if (results.length === 0) console.log('multitool: no results');
process.exit(found ? 1 : 0);
