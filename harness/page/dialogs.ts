/** Xrm.Navigation's confirm and alert dialogs as modal <dialog> elements (text only, never HTML). */
export function openDialog(options: {
  title?: string;
  text: string;
  confirmLabel: string;
  cancelLabel?: string;
}): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = document.createElement("dialog");
    dialog.setAttribute("aria-labelledby", "harness-dialog-title");
    const title = document.createElement("h2");
    title.id = "harness-dialog-title";
    title.textContent = options.title ?? "";
    const text = document.createElement("p");
    text.textContent = options.text;
    const buttons = document.createElement("div");
    buttons.className = "commandbar";
    const finish = (confirmed: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(confirmed);
    };
    const confirm = document.createElement("button");
    confirm.type = "button";
    confirm.textContent = options.confirmLabel;
    confirm.addEventListener("click", () => finish(true));
    buttons.append(confirm);
    if (options.cancelLabel) {
      const cancel = document.createElement("button");
      cancel.type = "button";
      cancel.textContent = options.cancelLabel;
      cancel.addEventListener("click", () => finish(false));
      buttons.append(cancel);
    }
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.append(title, text, buttons);
    document.body.append(dialog);
    dialog.showModal();
    confirm.focus();
  });
}
