// Getting a plan in without writing JSON: a CSV (UTF-8 and Windows-1252)
// and a table pasted from Word, made from the sample's source layout
// (tests/import-files, written by scripts/make-import-files); a mapping
// corrected, problems listed before anything is made, the plan created,
// reloaded, exported and reopened.
import fs from 'node:fs';
import { test, expect, expectAccessible, chooseFile, openSample, sayWhoIAm, openPlanMenu } from './helpers.mjs';

test.use({ viewport: { width: 768, height: 1024 } });

const FILES = new URL('../import-files/', import.meta.url);
const file = (name) => fs.readFileSync(new URL(name, FILES));

async function startImport(page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Import a plan from a spreadsheet' }).click();
  await expect(page).toHaveURL(/view=import/);
  await expect(page.getByRole('heading', { name: 'Import a plan from a spreadsheet' })).toBeVisible();
}

async function chooseSheet(page, name, bytes) {
  await page.getByLabel('Choose a spreadsheet file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await expect(page.getByRole('heading', { name: 'Check the plan before it is made' })).toBeVisible();
}

test('a CSV of a real plan is previewed, corrected, created, kept on reload, exported and reopened', async ({ page }) => {
  await startImport(page);
  await chooseSheet(page, 'notts-cypf-2016-18.csv', file('notts-cypf-2016-18.csv'));
  await expect(page.getByText('4 priorities, 19 key activities and 44 key actions from 47 rows.')).toBeVisible();
  // Headings matched: "By when" is the deadline, "RAG" the status.
  await expect(page.getByLabel('By when')).toHaveValue('deadline');
  await expect(page.getByLabel('RAG')).toHaveValue('status');
  const rows = page.getByRole('table', { name: 'The first rows as they will be read' });
  await expect(rows.getByRole('row').nth(1)).toContainText('March 2017 (due 31 March 2017)');
  await expectAccessible(page);

  // A mapping corrected: the governance column ignored, then put back.
  await page.getByLabel('Governance group').selectOption('ignore');
  await expect(page.getByLabel('Governance group')).toHaveValue('ignore');
  await page.getByLabel('Governance group').selectOption('governance');

  await page.getByLabel('Plan title').fill('Children, Young People and Families Plan 2016-2018 (imported)');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Children, Young People and Families Plan 2016-2018 (imported)' })).toBeVisible();
  await expect(page.getByText('Showing all 44 actions')).toBeVisible();
  await expect(page.getByText('Looked After Children and Care Leavers Strategy Group and Corporate Parenting Sub Committee').first()).toBeVisible();

  // Kept in the browser like any plan opened.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /\(imported\)/ })).toBeVisible();
  await expect(page.getByText('Showing all 44 actions')).toBeVisible();

  // Exported, and the export reopens as the same plan.
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan' }).click();
  const exported = await pending;
  const text = fs.readFileSync(await exported.path(), 'utf8');
  const plan = JSON.parse(text);
  expect(plan.format).toBe('plan-tracker/plan');
  expect(plan.id).toBe('children-young-people-and-families-plan-2016-2018-imported');
  expect(plan.priorities.flatMap((p) => p.activities.flatMap((a) => a.actions)).length).toBe(44);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Close plan' }).click();
  await chooseFile(page, 'Choose a plan file', 'exported.json', text);
  await expect(page.getByRole('heading', { level: 1, name: /\(imported\)/ })).toBeVisible();
  await expect(page.getByText('Showing all 44 actions')).toBeVisible();
});

test('a CSV saved by older Excel (Windows-1252) reads right', async ({ page }) => {
  await startImport(page);
  await chooseSheet(page, 'plan.csv', file('notts-cypf-2016-18-windows-1252.csv'));
  await expect(page.getByText(/read as Windows-1252 text/)).toBeVisible();
  await expect(page.getByText('4 priorities, 19 key activities and 44 key actions from 47 rows.')).toBeVisible();
  await expect(page.getByText("Children's Services including schools are able to meet the requirements of the 'Prevent Duty'").first()).toBeVisible();
});

test('a table pasted from Word, with merged cells, is read as the plan', async ({ page }) => {
  await startImport(page);
  const html = file('notts-cypf-2016-18-word.html').toString('utf8');
  await page.getByLabel('Or paste the table').focus();
  // What the browser fires when a person pastes Word's table.
  await page.getByLabel('Or paste the table').evaluate((area, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'ignored when a table is there');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(page.getByText('Read the table from the table you pasted.')).toBeVisible();
  await expect(page.getByText('4 priorities, 19 key activities and 44 key actions from 47 rows.')).toBeVisible();
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByText('Showing all 44 actions')).toBeVisible();
});

/** The words in `table`'s `cells` that are split across two lines. */
function brokenWords(table, cells) {
  return table.evaluate((element, cells) => {
    const broken = [];
    for (const cell of element.querySelectorAll(cells)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('select')) continue;
        // A line may end after a hyphen, as in 2016-2017.
        for (const word of node.data.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, cells);
}

for (const viewport of [{ width: 390, height: 844 }, { width: 320, height: 640 }]) {
  test(`at ${viewport.width}x${viewport.height} the preview keeps words whole, and its rows scroll sideways in a frame the keyboard reaches`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await startImport(page);
    await chooseSheet(page, 'notts-cypf-2016-18.csv', file('notts-cypf-2016-18.csv'));
    await expect(page.getByText('4 priorities, 19 key activities and 44 key actions from 47 rows.')).toBeVisible();
    // No word is split across lines: not the columns' headings, nor
    // anything in the rows.
    const columns = page.getByRole('table', { name: 'Columns and what they hold' });
    expect(await brokenWords(columns, 'th')).toEqual([]);
    expect(await brokenWords(page.getByRole('table', { name: 'The first rows as they will be read' }), 'th, td')).toEqual([]);
    const rows = page.getByRole('region', { name: 'The first rows as they will be read' });
    // The page does not scroll sideways; the rows' frame does, by keyboard.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await rows.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => rows.evaluate((frame) => frame.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible(page);
  });
}

// A phone's keyboard puts its clipboard in as typing, and dropped text
// comes with no paste event either: such text waits for "Read the table".
test('a table typed or dropped into the paste box is read when asked, and a failure points to the box', async ({ page }) => {
  await startImport(page);
  const box = page.getByLabel('Or paste the table');
  await expect(page.getByRole('button', { name: 'Read the table' })).toHaveCount(0);
  // Commas and nothing else: a table of blank cells.
  await box.fill(',,\n,,\n');
  await page.getByRole('button', { name: 'Read the table' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('the table you pasted could not be read');
  await summary.getByRole('link').first().click();
  await expect(box).toBeFocused();

  await box.fill('Priority\tKey activity\tAction\tDeadline\tRAG\nSafer streets\tPatrols\tHot-spot patrols in the town centre\tMarch 2027\tGreen\n');
  await page.getByRole('button', { name: 'Read the table' }).click();
  await expect(page.getByText('Read the table from the table you pasted.')).toBeVisible();
  await expect(page.getByText('1 priority, 1 key activity and 1 key action from 1 row.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Plan title').fill('Community Safety Plan');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { name: 'Showing 1 action' })).toBeVisible();
});

test('problems are listed with row and column before anything is made, and can be put right', async ({ page }) => {
  await startImport(page);
  const sheet = 'Priority,Action,Deadline,RAG\nSafe,Co-locate teams,31/13/2017,Red\n,Train staff,March 2017,Purple\n';
  await chooseSheet(page, 'broken.csv', Buffer.from(sheet));
  await page.getByLabel('Plan title').fill('');
  await page.getByRole('button', { name: 'Create plan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText("Enter the plan's title.");
  await expect(summary).toContainText("Row 2, Deadline: '31/13/2017' is not a date.");
  await expect(summary).toContainText("Row 3, RAG: 'Purple' is not a status.");
  await expectAccessible(page);
  // The title link goes to its field.
  await summary.getByRole('link', { name: "Enter the plan's title." }).click();
  await expect(page.getByLabel('Plan title')).toBeFocused();

  // Put right: a title, the deadlines kept as notes, statuses ignored.
  await page.getByLabel('Plan title').fill('Safeguarding plan');
  await page.getByLabel('Deadline').selectOption('keep');
  await page.getByLabel('RAG').selectOption('ignore');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Safeguarding plan' })).toBeVisible();
  await expect(page.getByText('Showing all 2 actions')).toBeVisible();
});

test('an Excel workbook is read from the sheet with the plan, and another sheet can be chosen', async ({ page }) => {
  await startImport(page);
  await page.getByLabel('Choose a spreadsheet file').setInputFiles({
    name: 'notts-cypf-2016-18.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file('notts-cypf-2016-18.xlsx'),
  });
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('1');
  await expect(page.getByText('4 priorities, 19 key activities and 44 key actions from 47 rows.')).toBeVisible();
  // Excel dates are read as dates.
  const rows = page.getByRole('table', { name: 'The first rows as they will be read' });
  await expect(rows.getByRole('row').nth(1)).toContainText('2017-03-31 (due 31 March 2017)');
  await expectAccessible(page);
  // The notes sheet has no rows of actions: choosing it says so when creating.
  await page.getByLabel('Sheet', { exact: true }).selectOption('Notes');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('no row has a key action.');
  await page.getByLabel('Sheet', { exact: true }).selectOption('Action plan');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByText('Showing all 44 actions')).toBeVisible();
});

test('an empty sheet or a damaged workbook says what is wrong, and nothing is made', async ({ page }) => {
  await startImport(page);
  await page.getByLabel('Choose a spreadsheet file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from(',,\n\n') });
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('empty.csv could not be read: The table is empty');
  await page.getByLabel('Choose a spreadsheet file').setInputFiles({ name: 'plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\x03\x04 not really a workbook') });
  await expect(summary).toContainText('damaged, or protected with a password');
  await expectAccessible(page);
});

test('rows from a sheet are added to the open plan as one change, which undo takes back', async ({ page }) => {
  await openSample(page, undefined, '&view=edit');
  await page.getByRole('button', { name: 'Add rows from a spreadsheet' }).click();
  await expect(page.getByRole('heading', { name: 'Import a plan from a spreadsheet' })).toBeVisible();
  const sheet = [
    'Priority,Key activity,Action,Deadline,RAG',
    '"1. Children and young people are safe in Nottinghamshire","The monitoring of the implementation of the Looked After Children (LAC) and Care Leavers Strategy","Audit care plans each quarter","Q4 2017/18","Amber"',
    '"1. Children and young people are safe in Nottinghamshire","The monitoring of the implementation of the Looked After Children (LAC) and Care Leavers Strategy","To provide improved health services to LAC and Care Leavers","March 2017",',
  ].join('\r\n');
  await chooseSheet(page, 'more-actions.csv', Buffer.from(sheet));
  await expect(page.getByLabel(/Add them to the open plan/)).toBeChecked();
  await expect(page.getByLabel('Plan title')).toHaveCount(0);
  // Who is adding them is asked first; once answered, focus goes back to
  // the choice that asked, not to the page's body.
  await sayWhoIAm(page, 'Sam Officer', 'Nottinghamshire County Council');
  await expect(page.getByLabel(/Add them to the open plan/)).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add to this plan' }).click();
  await expect(page.getByText('From more-actions.csv: 1 key action added; 1 row was already in the plan and left as it was.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Showing all 45 actions' })).toBeVisible();
  await expect(page.getByText('3 changes not exported yet')).toBeVisible();
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Undo last change' }).click();
  await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
});
