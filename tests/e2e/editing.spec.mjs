// Starting a new plan and editing a plan's structure in place: every change
// is signed, survives a reload, can be undone, shows in the history, and
// comes out in the export, which reopens as the same plan.
import fs from 'node:fs';
import { test, expect, chooseFile, expectAccessible, openSample, sayWhoIAm, openPlanMenu } from './helpers.mjs';

test.use({ viewport: { width: 768, height: 1024 } });

/** Adds an item through its "Add a …" control (the nth one on the page). */
async function addItem(page, noun, title, nth = 0) {
  const opener = page.getByRole('button', { name: `Add a ${noun}`, exact: true }).nth(nth);
  if (await opener.isVisible()) await opener.click();
  await page.getByLabel(`Title of the new ${noun}`).fill(title);
  await page.getByRole('button', { name: `Add ${noun}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added the ${noun} '${title}'` })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  // Back on the control that opened the form, not the page's body.
  await expect(page.locator(':focus')).toHaveAccessibleName(`Add a ${noun}`);
}

async function exportPlan(page) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan' }).click();
  const text = fs.readFileSync(await (await pending).path(), 'utf8');
  return { text, plan: JSON.parse(text) };
}

test('a new plan is started, built in place, reloaded, exported and reopened as the same plan', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await expect(page).toHaveURL(/view=new/);
  await expect(page.getByRole('heading', { level: 1, name: 'Start a new plan' })).toBeVisible();

  // Nothing is made while a problem stands, and each is linked to its field.
  await page.getByRole('button', { name: 'Create plan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: "Enter the plan's title" })).toBeVisible();
  await expectAccessible(page);
  await summary.getByRole('link', { name: /Enter the first priority/ }).click();
  await expect(page.getByLabel('First priority')).toBeFocused();

  await page.getByLabel('Plan title').fill('Community Safety Plan 2026 to 2029');
  await page.getByLabel('Organisation or partnership (optional)').fill('Rushcliffe Community Safety Partnership');
  await page.getByLabel('Starts').fill('2026-04-01');
  await page.getByLabel('Ends').fill('2029-03-31');
  await page.getByLabel('First priority').fill('Reduce anti-social behaviour');
  await page.getByRole('button', { name: 'Create plan' }).click();

  await expect(page).toHaveURL(/view=edit/);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
  await sayWhoIAm(page, 'Sam Officer', 'Rushcliffe Borough Council');
  await expect(page.getByText('Reduce anti-social behaviour', { exact: true })).toBeVisible();
  // The form that asked gave way to the plan's: focus is on the page's
  // heading, not fallen to its body.
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeFocused();

  // Its list of actions says there are none yet, not that filters hide them.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This plan has no key actions yet' })).toBeVisible();
  await expect(page.getByText('No actions match these filters')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Edit the plan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();

  await addItem(page, 'key activity', 'Target hotspots with partners');
  await addItem(page, 'key action', 'Map hotspots each quarter');
  await addItem(page, 'key action', 'Agree a joint patrol plan');

  // The action's details: the deadline as written beside the date understood.
  await page.getByRole('button', { name: 'Edit key action Agree a joint patrol plan' }).click();
  await page.getByLabel('Deadline as written').fill('Q3 2026/27');
  await expect(page.getByText('Date understood: 31 December 2026')).toBeVisible();
  await page.getByLabel('Lead organisation (if not the key activity\'s)').fill('Nottinghamshire Police');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Edit key action Agree a joint patrol plan' })).toBeFocused();
  await expect(page.getByText('Q3 2026/27 (understood as 31 December 2026)')).toBeVisible();

  await page.getByRole('button', { name: 'Edit key activity Target hotspots with partners' }).click();
  await page.getByLabel('Lead organisation', { exact: true }).fill('Rushcliffe Borough Council');
  await page.getByLabel('Partners', { exact: true }).fill('Nottinghamshire Police\nNottinghamshire Fire and Rescue');
  await page.getByLabel('Governance group', { exact: true }).fill('Safer Rushcliffe Partnership');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Nottinghamshire Police, Nottinghamshire Fire and Rescue')).toBeVisible();

  // Reordered with buttons, focus kept on the control pressed.
  await page.getByRole('button', { name: 'Move up key action Agree a joint patrol plan' }).click();
  await expect(page.getByRole('button', { name: 'Move down key action Agree a joint patrol plan' })).toBeFocused();
  const actionTitles = page.locator('.edit-list--nested .edit-list--nested .edit-item__title');
  await expect(actionTitles).toHaveText(['Agree a joint patrol plan', 'Map hotspots each quarter']);

  // A second priority, deleted after a question, and brought back by undo.
  await addItem(page, 'priority', 'Keep people safe from fraud');
  await page.getByRole('button', { name: 'Delete priority Keep people safe from fraud' }).click();
  await expect(page.getByRole('alertdialog', { name: "Delete the priority 'Keep people safe from fraud'?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByText(/Deleted the priority 'Keep people safe from fraud'/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit priority Keep people safe from fraud' })).toHaveCount(0);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Undo last change' }).click();
  await expect(page.getByRole('button', { name: 'Edit priority Keep people safe from fraud' })).toBeVisible();

  // The plan's revision label, given to the next export.
  await page.getByLabel('Revision label for the next export').fill('Draft 1');
  await page.getByRole('button', { name: "Save the plan's details" }).click();

  // Kept through a reload, in the same order.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
  await expect(actionTitles).toHaveText(['Agree a joint patrol plan', 'Map hotspots each quarter']);
  await expect(page.getByRole('button', { name: 'Edit priority Keep people safe from fraud' })).toBeVisible();

  // The plan page shows the new structure, and the history says who did it.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(page.getByText('Showing all 2 actions')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Agree a joint patrol plan' })).toBeVisible();

  const { text, plan } = await exportPlan(page);
  expect(plan.title).toBe('Community Safety Plan 2026 to 2029');
  expect(plan.revision).toBe('Draft 1');
  expect(plan.period).toEqual({ start: '2026-04-01', end: '2029-03-31' });
  expect(plan.priorities.map((p) => p.title)).toEqual(['Reduce anti-social behaviour', 'Keep people safe from fraud']);
  const activity = plan.priorities[0].activities[0];
  expect(activity.lead.organisation).toBe('Rushcliffe Borough Council');
  expect(activity.partners).toEqual(['Nottinghamshire Police', 'Nottinghamshire Fire and Rescue']);
  expect(activity.actions.map((a) => a.title)).toEqual(['Agree a joint patrol plan', 'Map hotspots each quarter']);
  expect(activity.actions[0].due).toEqual({ label: 'Q3 2026/27' });
  const ids = [plan.priorities, plan.priorities.flatMap((p) => p.activities ?? []), activity.actions].flat().map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();

  // The export reopens as the same plan.
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Close plan' }).click();
  await chooseFile(page, 'Choose a plan file', 'exported.json', text);
  await expect(page.getByRole('heading', { level: 1, name: 'Community Safety Plan 2026 to 2029' })).toBeVisible();
  await expect(page.getByText('Showing all 2 actions')).toBeVisible();
  const { plan: again } = await exportPlan(page);
  delete again.exported;
  delete plan.exported;
  expect(again).toEqual(plan);
});

test("a sample's structure is edited: an action renamed and moved to another activity, shown in its history, exported", async ({ page }) => {
  await openSample(page, undefined, '&view=edit');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
  await sayWhoIAm(page, 'Sam Officer', 'Nottinghamshire County Council');
  await expectAccessible(page);

  const title = 'To have implemented the LAC and Care Leavers Strategy Annual Action Plan for 2016-2017';
  const renamed = `${title} (revised)`;
  const target = 'Children and young people are happy and healthy in Nottinghamshire › The improvement of mental health services for vulnerable children and young people';
  await page.getByRole('button', { name: `Edit key action ${title}` }).click();
  await page.getByLabel('Title', { exact: true }).fill(renamed);
  await page.getByLabel('Key activity', { exact: true }).selectOption({ label: target });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: `Edit key action ${renamed}` })).toBeVisible();

  // On the plan page, with its history saying what was done and by whom.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  // Found by words only the new title has: the search follows the structure.
  await page.getByRole('button', { name: 'Show filters' }).click();
  await page.getByLabel('Search words').fill('annual action plan revised');
  await expect(page.getByRole('heading', { name: /^Showing [1-9] of 44 actions$/ })).toBeVisible();
  const here = page.getByRole('listitem').filter({ hasText: renamed });
  await expect(here).toHaveCount(1);
  await here.getByText(/Notes and history/).click();
  await expect(here.getByText(/Title set to/)).toBeVisible();
  await expect(here.getByText('Moved to another place')).toBeVisible();
  await expect(here.getByText(/Sam Officer/).first()).toBeVisible();

  const { plan } = await exportPlan(page);
  const activity = plan.priorities[1].activities[0];
  expect(activity.actions.map((k) => k.title)).toContain(renamed);
  expect(plan.priorities[0].activities[0].actions.map((k) => k.title)).not.toContain(renamed);
});
