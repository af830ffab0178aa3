// Renders an AsyncAPI document to HTML with @asyncapi/generator and @asyncapi/html-template.
// Usage (Node >= 24.11, as the generator requires): node render.cjs <asyncapi.yaml> <output folder>
// Run through `npm run asyncapi:html`, which installs this folder and Node 24 first.
const Generator = require('@asyncapi/generator');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node render.cjs <asyncapi.yaml> <output folder>');
  process.exit(2);
}
// The operations show each message's payload; the separate message and schema lists would repeat them.
const config = { show: { messages: false, schemas: false }, expand: { messageExamples: false } };
new Generator('@asyncapi/html-template', output, { forceWrite: true, templateParams: { outFilename: 'index.html', config: JSON.stringify(config) } })
  .generateFromFile(input)
  .then(() => console.log(`rendered ${input} into ${output}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
