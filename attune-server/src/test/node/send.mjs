// Sends one buyer's journey through each real Node analytics SDK, unchanged but for where it sends:
//
//   node send.mjs BASE_URL WRITE_KEY RUN_ID
//
// Segment's @segment/analytics-node posts JSON to /v1/batch with the write key as the Basic user name;
// RudderStack's @rudderstack/rudder-sdk-node posts gzipped JSON (its default) the same way. Each SDK's
// ids start with its name and RUN_ID (see ids below). Prints one JSON line per SDK with its ids and how many
// messages it reported delivered, and exits non-zero when any SDK reports an error. NodeSdkIT runs it.
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';

const [baseUrl, writeKey, runId] = process.argv.slice(2);
if (!baseUrl || !writeKey || !runId) {
  console.error('usage: node send.mjs BASE_URL WRITE_KEY RUN_ID');
  process.exit(2);
}

/** The ids one SDK's journey uses; NodeSdkIT derives the same ones. */
function ids(sdk) {
  const prefix = `${sdk}-${runId}`;
  return {
    visitor: `${prefix}-visitor`,
    user: `${prefix}-user`,
    email: `${prefix}@harbor-logistics.com`,
    group: `${prefix}-harbor-logistics`,
  };
}

/**
 * An anonymous visitor reads a case study; a benefits director signs up at an employer, is aliased to
 * the visitor, requests a demo, opens pricing and joins the employer's group: six messages.
 */
function journey(id) {
  return [
    ['page', { anonymousId: id.visitor, name: 'Case study', properties: { path: '/case-studies/acme-health' } }],
    ['identify', { userId: id.user, traits: { email: id.email, title: 'Director of Benefits', segment: 'employer' } }],
    ['alias', { previousId: id.visitor, userId: id.user }],
    ['track', { userId: id.user, event: 'Demo Requested', properties: { plan: 'enterprise' } }],
    ['page', { userId: id.user, name: 'Pricing', properties: { path: '/pricing' } }],
    ['group', {
      userId: id.user,
      groupId: id.group,
      traits: { name: 'Harbor Logistics', employees: 1800, selfInsured: true, industry: 'Software', country: 'US' },
    }],
  ];
}

const errors = [];

async function sendWithSegment() {
  const id = ids('segment');
  const analytics = new SegmentAnalytics({ writeKey, host: baseUrl, maxRetries: 2 });
  analytics.on('error', (error) => errors.push(`segment: ${error?.reason ?? error}`));
  let delivered = 0;
  const calls = journey(id).map(([method, message]) => new Promise((resolve) => {
    analytics[method](message, (error) => {
      if (error) {
        errors.push(`segment ${method}: ${error.reason ?? error.message ?? error}`);
      } else {
        delivered++;
      }
      resolve();
    });
  }));
  await analytics.closeAndFlush();
  await Promise.all(calls);
  return { sdk: 'segment', ...id, delivered };
}

async function sendWithRudderStack() {
  const id = ids('rudderstack');
  const analytics = new RudderAnalytics(writeKey, {
    dataPlaneUrl: baseUrl,
    logLevel: 'error',
    retryCount: 2,
    errorHandler: (error) => errors.push(`rudderstack: ${error?.message ?? error}`),
  });
  let delivered = 0;
  const calls = journey(id).map(([method, message]) => new Promise((resolve) => {
    analytics[method](message, (error) => {
      if (error) {
        errors.push(`rudderstack ${method}: ${error.message ?? error}`);
      } else {
        delivered++;
      }
      resolve();
    });
  }));
  await new Promise((resolve) => analytics.flush((error) => {
    if (error) {
      errors.push(`rudderstack flush: ${error.message ?? error}`);
    }
    resolve();
  }));
  await Promise.all(calls);
  return { sdk: 'rudderstack', ...id, delivered };
}

try {
  for (const result of [await sendWithSegment(), await sendWithRudderStack()]) {
    console.log(JSON.stringify(result));
  }
} catch (error) {
  errors.push(`unexpected: ${error?.stack ?? error}`);
}
if (errors.length > 0) {
  errors.forEach((error) => console.error(error));
  process.exit(1);
}
process.exit(0);
