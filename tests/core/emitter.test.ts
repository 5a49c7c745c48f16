import { describe, expect, it } from 'vitest';
import { createEmitter } from '../../src/core/emitter';
import { recordingLogger } from '../support/logger';

type Events = { change: (value: number) => void; hide: () => void };

describe('the typed event emitter', () => {
  it('calls each listener of an event with its arguments, in the order they were added', () => {
    const emitter = createEmitter<Events>(recordingLogger());
    const seen: string[] = [];
    emitter.on('change', (value) => seen.push(`a${value}`));
    emitter.on('change', (value) => seen.push(`b${value}`));
    emitter.on('hide', () => seen.push('hide'));
    emitter.emit('change', 1);
    expect(seen).toEqual(['a1', 'b1']);
  });

  it('logs a listener that throws and still calls the others: a site listener never breaks consent handling', () => {
    const logger = recordingLogger();
    const emitter = createEmitter<Events>(logger);
    const seen: number[] = [];
    const error = new Error('site bug');
    emitter.on('change', () => {
      throw error;
    });
    emitter.on('change', (value) => seen.push(value));
    expect(() => emitter.emit('change', 2)).not.toThrow();
    expect(seen).toEqual([2]);
    expect(logger.errors).toEqual([['a "change" listener threw:', error]]);
  });

  it('stops calling a listener once its returned function is called', () => {
    const emitter = createEmitter<Events>(recordingLogger());
    const seen: number[] = [];
    const off = emitter.on('change', (value) => seen.push(value));
    emitter.emit('change', 1);
    off();
    emitter.emit('change', 2);
    expect(seen).toEqual([1]);
  });

  it('finishes an emit with the listeners it started with, even when one removes another', () => {
    const emitter = createEmitter<Events>(recordingLogger());
    const seen: string[] = [];
    let offB = () => {};
    emitter.on('change', () => (seen.push('a'), offB()));
    offB = emitter.on('change', () => seen.push('b'));
    emitter.on('change', () => void emitter.on('change', () => seen.push('late')));
    emitter.emit('change', 0);
    expect(seen).toEqual(['a', 'b']);
  });

  it('forgets every listener on clear', () => {
    const emitter = createEmitter<Events>(recordingLogger());
    let calls = 0;
    emitter.on('change', () => calls++);
    emitter.on('hide', () => calls++);
    emitter.clear();
    emitter.emit('change', 1);
    emitter.emit('hide');
    expect(calls).toBe(0);
  });
});
