import { LOCKABLE_FIELDS, lockedFields } from "../journey/fieldLocks";
import { JourneyStatus } from "../journey/types";
import type { FormSession } from "./formSession";
import { statusOnForm } from "./formValues";

function controlsOf(form: Xrm.FormContext, field: string): Xrm.Controls.StandardControl[] {
  const attribute = form.getAttribute(field);
  const bound = attribute?.controls?.get() as Xrm.Controls.StandardControl[] | undefined;
  if (bound && bound.length) return bound;
  const control = form.getControl<Xrm.Controls.StandardControl>(field);
  return control ? [control] : [];
}

function startOnForm(form: Xrm.FormContext): string | null {
  const value: unknown = form.getAttribute("msdyncrm_startdatetime")?.getValue();
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;
}

/**
 * Disables and enables the status-dependent fields (every control of each, header included) for the
 * status now on the form. A record without a status yet is a new draft.
 */
export function applyFieldLocks(form: Xrm.FormContext, session: FormSession, now: Date): void {
  const locks = lockedFields(statusOnForm(form) ?? JourneyStatus.Draft, startOnForm(form), now);
  const firstTime = session.designDisabled === null;
  const designDisabled = (session.designDisabled ??= new Set<string>());
  for (const field of LOCKABLE_FIELDS) {
    for (const control of controlsOf(form, field)) {
      const name = control.getName();
      if (firstTime && control.getDisabled()) designDisabled.add(name);
      if (!designDisabled.has(name)) control.setDisabled(locks[field]);
    }
  }
}

export function isFieldLocked(form: Xrm.FormContext, field: string, now: Date): boolean {
  const locks: Record<string, boolean> = lockedFields(
    statusOnForm(form) ?? JourneyStatus.Draft,
    startOnForm(form),
    now,
  );
  return locks[field] === true;
}
