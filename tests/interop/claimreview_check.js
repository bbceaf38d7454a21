// Reads ClaimReview JSON-LD as a consumer does: expands each review with
// the jsonld processor against the local schema.org context (the
// documentLoader serves nothing else, so no network is used), then reports
// Google's required and recommended ClaimReview properties as found in the
// expanded graph.
//
// usage: node claimreview_check.js CONTEXT_FILE REVIEWS_FILE
// REVIEWS_FILE holds one JSON array of reviews a line (factcheck check
// --format=claimreview). Prints, per review, each property's value or
// "MISSING", and exits 1 when a required property is missing.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

const S = 'http://schema.org/';
const [contextFile, reviewsFile] = process.argv.slice(2);
const context = JSON.parse(fs.readFileSync(contextFile, 'utf8'));

async function documentLoader(url) {
  if (['https://schema.org', 'https://schema.org/', 'http://schema.org',
       'http://schema.org/'].includes(url)) {
    return {contextUrl: null, documentUrl: url, document: context};
  }
  throw new Error(`no network at test time: refused to load ${url}`);
}

// The values of the path of schema.org properties under `node`.
function values(node, path) {
  let nodes = [node];
  for (const name of path) {
    nodes = nodes.flatMap((n) => n[S + name] || []);
  }
  return nodes.map((v) => v['@value'] ?? v['@id'] ??
                          (v['@type'] ? `(${v['@type'].join(',')})` : '(node)'));
}

const required = [
  ['url'], ['claimReviewed'], ['reviewRating'],
  ['reviewRating', 'alternateName'],
];
const recommended = [
  ['author'], ['author', 'name'], ['author', 'url'], ['datePublished'],
  ['itemReviewed'], ['itemReviewed', 'author'],
  ['itemReviewed', 'author', 'name'], ['itemReviewed', 'datePublished'],
  ['itemReviewed', 'appearance'], ['itemReviewed', 'appearance', 'url'],
  ['reviewRating', 'ratingValue'], ['reviewRating', 'bestRating'],
  ['reviewRating', 'worstRating'],
];

(async () => {
  let failed = false;
  let n = 0;
  for (const line of fs.readFileSync(reviewsFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    for (const review of JSON.parse(line)) {
      ++n;
      const expanded = await jsonld.expand(review, {documentLoader});
      if (expanded.length !== 1) throw new Error('not one node');
      const node = expanded[0];
      console.log(`review ${n}: @type ${node['@type'].join(',')}`);
      for (const [kind, paths] of [['required', required],
                                   ['recommended', recommended]]) {
        for (const path of paths) {
          const found = values(node, path);
          if (found.length === 0 && kind === 'required') failed = true;
          console.log(`  ${kind} ${path.join('.')}: ` +
                      (found.length ? found.join(' | ') : 'MISSING'));
        }
      }
      const claim = values(node, ['claimReviewed'])[0] || '';
      console.log(`  claimReviewed length: ${[...claim].length}` +
                  ([...claim].length < 75 ? ' (under 75)' : ' (75 or more)'));
    }
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`error: ${e.message}`);
  process.exit(2);
});
