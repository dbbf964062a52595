// The qualification editor as a trainer uses it: by role and accessible name.

export class EditorPage {
  constructor(planner) {
    this.p = planner;
    this.page = planner.page;
  }

  get region() {
    return this.page.getByRole('region', { name: /^Qualification editor/ });
  }
  get details() {
    return this.region.getByRole('group', { name: 'Details', exact: true });
  }
  get units() {
    return this.region.getByRole('group', { name: 'Units', exact: true });
  }
  get groups() {
    return this.region.getByRole('group', { name: 'Groups', exact: true });
  }
  get rules() {
    return this.region.getByRole('group', { name: 'Rules of combination', exact: true });
  }
  get check() {
    return this.region.getByRole('region', { name: 'Check', exact: true });
  }

  /** Goes from the planner to the editor's page, as a person does from "Your own qualifications". */
  async openFromPlanner() {
    const panel = this.page.locator('details.catalogue-loader');
    if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
    await this.page.getByRole('link', { name: 'Open the qualification editor', exact: true }).click();
    await this.page.getByRole('heading', { name: 'qualplan: make a qualification' }).waitFor();
  }

  /** Makes a new qualification (from the planner, by way of its link to the editor). */
  async make() {
    if (!this.page.url().includes('editor.html')) await this.openFromPlanner();
    await this.page.getByRole('button', { name: 'Make a qualification', exact: true }).click();
    await this.region.waitFor();
  }

  /** The list of qualifications made in the editor. */
  get list() {
    return this.page.getByRole('list', { name: 'Qualifications made in the editor' });
  }

  async fillDetails({ title, body, glh, tqt, minCredits }) {
    if (title !== undefined) await this.details.getByLabel('Title', { exact: true }).fill(title);
    if (body !== undefined) await this.details.getByLabel('Awarding body', { exact: true }).fill(body);
    for (const [label, value] of [['Guided learning hours (GLH)', glh], ['Total qualification time (TQT)', tqt], ['Minimum credits', minCredits]]) {
      if (value === undefined) continue;
      const field = this.details.getByLabel(label, { exact: true });
      await field.fill(String(value));
      await field.press('Tab');
    }
  }

  /** Pastes a unit table, reads it, sets the figure columns (when given) and keeps the rows;
   *  with `fromTable: false`, without the groups and barred combinations the table prints. */
  async pasteUnits(text, columns, { fromTable = true } = {}) {
    await this.units.getByLabel('Paste the unit table', { exact: true }).fill(text);
    await this.units.getByRole('button', { name: 'Read the table', exact: true }).click();
    if (columns) {
      for (const [i, name] of columns.entries()) {
        await this.units.getByLabel(`Figure ${i + 1}`, { exact: true }).selectOption(name);
      }
    }
    if (!fromTable) {
      for (const box of await this.units.getByRole('group', { name: 'Also from the table' }).getByRole('checkbox').all()) await box.uncheck();
    }
    await this.units.getByRole('button', { name: /^Keep these \d+ units$/ }).click();
  }

  /** Makes a small qualification: its title and awarding body, a unit table pasted and kept, and
   *  one group holding `codes`. */
  async makeGrouped({ title, body = 'Example Body', table, group, codes }) {
    await this.make();
    await this.fillDetails({ title, body });
    await this.pasteUnits(table);
    await this.addGroup(group);
    for (const code of codes) await this.putInGroup(code, group);
  }

  async addGroup(name) {
    await this.groups.getByLabel('New group', { exact: true }).fill(name);
    await this.groups.getByRole('button', { name: 'Add group', exact: true }).click();
  }

  /** Ticks `code`'s box for `group` (by the group's name) in the unit table. */
  async putInGroup(code, group) {
    await this.units.getByRole('checkbox', { name: `${code} in ${group}`, exact: true }).check();
  }

  /** Adds a rule: `kind` is the template's option label; `fill` sets its own fields. */
  async addRule(kind, wording, fill = async () => {}) {
    await this.rules.getByLabel('Kind of rule', { exact: true }).selectOption({ label: kind });
    await fill(this.rules);
    await this.rules.getByLabel('Wording, as the document prints it', { exact: true }).fill(wording);
    await this.rules.getByRole('button', { name: 'Add rule', exact: true }).click();
  }

  async problems() {
    return this.check.locator('.error-summary li').allTextContents();
  }
  async warnings() {
    return this.check.locator('.warning-summary li').allTextContents();
  }
  async ready() {
    return (await this.check.locator('.editor-ready').count()) === 1;
  }
}
