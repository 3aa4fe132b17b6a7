// scripts/difficulty/lbfgs.ts — a small limited-memory BFGS minimiser for train.ts. Full-batch
// L-BFGS fits the logistic heads to their optimum, where Adagrad's few passes in file order
// stopped short of it: by the subject-grouped cross-validation a numpy prototype with L-BFGS
// needed 41 % of requests on frontier where train.ts's Adagrad needed 43 % (bench/ROUTING.md).
// Deterministic: no randomness, fixed iteration order.

/** Writes the gradient at x into `gradient` and returns the objective's value there. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
};

/**
 * Minimises `f` from x0 (changed in place and returned). Stops after `maxIterations`, when the
 * largest gradient component is below `tolerance`, or when a step no longer lowers the value by
 * a relative 1e-10.
 */
export function minimise(f: Objective, x0: Float64Array, maxIterations = 500, memory = 10, tolerance = 1e-5): Float64Array {
  const n = x0.length;
  const x = x0;
  let g = new Float64Array(n);
  let value = f(x, g);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(n);
  const trial = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    let largest = 0;
    for (let i = 0; i < n; i += 1) largest = Math.max(largest, Math.abs(g[i]!));
    if (largest < tolerance) break;
    // Two-loop recursion: direction = −H·g.
    for (let i = 0; i < n; i += 1) direction[i] = -g[i]!;
    const alphas: number[] = [];
    for (let k = steps.length - 1; k >= 0; k -= 1) {
      const alpha = rhos[k]! * dot(steps[k]!, direction);
      alphas[k] = alpha;
      const y = changes[k]!;
      for (let i = 0; i < n; i += 1) direction[i]! -= alpha * y[i]!;
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const scale = dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!);
      for (let i = 0; i < n; i += 1) direction[i]! *= scale;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i += 1) direction[i]! /= norm;
    }
    for (let k = 0; k < steps.length; k += 1) {
      const beta = rhos[k]! * dot(changes[k]!, direction);
      const s = steps[k]!;
      for (let i = 0; i < n; i += 1) direction[i]! += (alphas[k]! - beta) * s[i]!;
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction (curvature lost): restart from steepest descent.
      steps.length = 0;
      changes.length = 0;
      rhos.length = 0;
      for (let i = 0; i < n; i += 1) direction[i] = -g[i]!;
      slope = dot(g, direction);
    }
    // Backtracking line search (Armijo).
    let t = 1;
    let trialValue = Infinity;
    for (let tries = 0; tries < 40; tries += 1) {
      for (let i = 0; i < n; i += 1) trial[i] = x[i]! + t * direction[i]!;
      trialValue = f(trial, trialGradient);
      if (trialValue <= value + 1e-4 * t * slope) break;
      t /= 2;
    }
    if (!(trialValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      s[i] = trial[i]! - x[i]!;
      y[i] = trialGradient[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      steps.push(s);
      changes.push(y);
      rhos.push(1 / sy);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
    }
    x.set(trial);
    [g, trialGradient] = [trialGradient, g];
    const done = value - trialValue <= 1e-10 * Math.max(1, Math.abs(value));
    value = trialValue;
    if (done) break;
  }
  return x;
}
