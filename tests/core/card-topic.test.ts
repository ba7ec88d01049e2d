import { describe, expect, it } from 'vitest';
import { topicForCard, topicOfCard } from '../../src/core/card-topic';
import type { Card } from '../../src/core/types';
import { makeTopic } from '../factories/article';

// Only the card's topic is read.
const cardWith = (topic: Card['topic']) => ({ topic }) as Card;

describe('card topic', () => {
  it('carries every fact of the detection onto the card', () => {
    const topic = makeTopic({ id: 'security', label: 'Tryggleik', confidence: 0.8, secondary: ['cloud'], reasons: ['ransomware'] });
    expect(topicForCard(topic)).toEqual({ id: 'security', label: 'Tryggleik', confidence: 0.8, secondary: ['cloud'], reasons: ['ransomware'] });
  });

  it('reads the detection back from a card', () => {
    const card = cardWith({ id: 'security', label: 'Tryggleik', confidence: 0.8, secondary: ['cloud'], reasons: ['ransomware'] });
    expect(topicOfCard(card)).toEqual({ id: 'security', label: 'Tryggleik', confidence: 0.8, secondary: ['cloud'], reasons: ['ransomware'] });
  });

  it('reads no secondary topics and no reasons from a card that has none', () => {
    expect(topicOfCard(cardWith({ id: 'ai', label: 'KI', confidence: 0.5 }))).toEqual({ id: 'ai', label: 'KI', confidence: 0.5, secondary: [], reasons: [] });
  });
});
