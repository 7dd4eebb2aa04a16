/** What the harness needs of a PCF virtual control (the production bundle's class). */
interface VirtualControl {
  init(
    context: unknown,
    notifyOutputChanged: () => void,
    state: Record<string, unknown>,
    container?: HTMLElement,
  ): void;
  updateView(context: unknown): unknown;
  getOutputs?(): Record<string, unknown>;
  destroy(): void;
}

type ControlConstructor = new () => VirtualControl;

interface PlatformWindow {
  ComponentFramework?: { registerControl(name: string, control: ControlConstructor): void };
  ReactDOMv16?: {
    render(element: unknown, container: HTMLElement): void;
    unmountComponentAtNode(container: HTMLElement): boolean;
  };
}

const registry = new Map<string, ControlConstructor>();

/** Defines ComponentFramework.registerControl the way the platform does, before the bundle loads. */
export function defineComponentFramework(): void {
  const platform = window as unknown as PlatformWindow;
  platform.ComponentFramework = { registerControl: (name, control) => void registry.set(name, control) };
}

/** The control's manifest <css> resource, linked as the platform does before the control renders. */
export function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`${href} could not be loaded`));
    document.head.append(link);
  });
}

export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.append(script);
  });
}

export interface MountedControl {
  render(updatedProperties: string[]): void;
  destroy(): void;
}

/**
 * Instantiates a registered virtual control in a field's container: init, then updateView whose
 * React element is rendered with the platform's ReactDOM; re-renders when asked.
 */
export function mountControl(
  name: string,
  container: HTMLElement,
  contextFor: (updatedProperties: string[], requestRender: () => void) => unknown,
  onOutputs: (outputs: Record<string, unknown>) => void,
): MountedControl {
  const Control = registry.get(name);
  const reactDom = (window as unknown as PlatformWindow).ReactDOMv16;
  if (!Control) throw new Error(`The bundle did not register ${name}.`);
  if (!reactDom) throw new Error("The platform's ReactDOM (ReactDOMv16) is not loaded.");
  const control = new Control();
  let pending = false;
  const render = (updatedProperties: string[]) => {
    reactDom.render(control.updateView(contextFor(updatedProperties, requestRender)), container);
  };
  function requestRender(): void {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      render([]);
    }, 0);
  }
  control.init(
    contextFor([], requestRender),
    () => {
      if (control.getOutputs) onOutputs(control.getOutputs());
    },
    {},
    container,
  );
  render(["parameters", "layout"]);
  return {
    render,
    destroy: () => {
      control.destroy();
      reactDom.unmountComponentAtNode(container);
    },
  };
}
