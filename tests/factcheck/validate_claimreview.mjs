// Validates a ClaimReview export (a JSON array, what `treatywatch export claimreview` writes)
// against tests/factcheck/claimreview.schema.json with ajv (JSON Schema draft 2020-12, formats
// from ajv-formats), then checks what JSON Schema cannot say: on every numeric rating,
// worstRating < bestRating and worstRating <= ratingValue <= bestRating.
//
//   node tests/factcheck/validate_claimreview.mjs EXPORT.json [SCHEMA.json]
//
// Exit 0: valid; 1: invalid (every error on stderr, one a line, with its JSON pointer);
// 2: usage, or a file that cannot be read or parsed; 77: skipped, because ajv is not installed
// (npm ci in the repository root).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function usage(message) {
  process.stderr.write(`validate_claimreview: ${message}\n`);
  process.exit(2);
}

const kDefaultSchema = fileURLToPath(new URL('./claimreview.schema.json', import.meta.url));
const [exportPath, schemaPath = kDefaultSchema] = process.argv.slice(2);
if (!exportPath) usage('usage: node validate_claimreview.mjs EXPORT.json [SCHEMA.json]');

let Ajv2020;
let addFormats;
try {
  ({ default: Ajv2020 } = await import('ajv/dist/2020.js'));
  ({ default: addFormats } = await import('ajv-formats'));
} catch (error) {
  process.stdout.write(`validate_claimreview: skipped: ajv is not installed (run npm ci in the ` +
                       `repository root): ${error.message}\n`);
  process.exit(77);
}

function readJson(path, what) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    usage(`cannot read the ${what} ${path}: ${error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    usage(`the ${what} ${path} is not JSON: ${error.message}`);
  }
  return undefined;
}

const schema = readJson(schemaPath, 'schema');
const data = readJson(exportPath, 'export');

// ajv's default strict mode: an unknown keyword or format in the schema is an error, not
// ignored, so a typo in the schema cannot silently switch a check off.
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(schema);
} catch (error) {
  usage(`the schema ${schemaPath} does not compile: ${error.message}`);
}

const problems = [];
if (!validate(data)) {
  for (const error of validate.errors) {
    const where = error.instancePath === '' ? '(the whole export)' : error.instancePath;
    const detail = error.params && Object.keys(error.params).length > 0
      ? ` ${JSON.stringify(error.params)}` : '';
    problems.push(`${where}: ${error.message}${detail}`);
  }
}
if (Array.isArray(data)) {
  data.forEach((review, index) => {
    const rating = review?.reviewRating;
    const numbers = ['ratingValue', 'bestRating', 'worstRating'];
    if (!rating || !numbers.every((key) => typeof rating[key] === 'number')) {
      return;
    }
    const where = `/${index}/reviewRating`;
    if (rating.worstRating >= rating.bestRating) {
      problems.push(`${where}: worstRating ${rating.worstRating} is not below bestRating ` +
                    `${rating.bestRating}`);
    }
    if (rating.ratingValue < rating.worstRating || rating.ratingValue > rating.bestRating) {
      problems.push(`${where}: ratingValue ${rating.ratingValue} is outside ` +
                    `${rating.worstRating}..${rating.bestRating}`);
    }
  });
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`validate_claimreview: ${problem}\n`);
  process.exit(1);
}
const count = Array.isArray(data) ? data.length : 0;
process.stdout.write(`validate_claimreview: ok: ${count} ClaimReview objects in ${exportPath}\n`);
