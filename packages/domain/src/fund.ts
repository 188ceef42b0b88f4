import * as DomainErrors from './domain-errors.js';
import type { Money } from './money.js';

/** FPV = Fondo Voluntario de Pensión; FIC = Fondo de Inversión Colectiva. */
export const FUND_CATEGORIES = ['FPV', 'FIC'] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];

export interface FundSnapshot {
  readonly id: string;
  readonly name: string;
  readonly minimumAmount: Money;
  readonly category: FundCategory;
  readonly active: boolean;
}

const FUND_ID = /^[A-Za-z0-9_-]{1,64}$/;
const FUND_NAME = /^[\p{L}\p{N} _.-]{1,100}$/u;

/** An investment fund a client can subscribe to, with its minimum subscription amount. */
export class Fund {
  private constructor(private readonly state: FundSnapshot) {}

  static create(input: {
    id: string;
    name: string;
    minimumAmount: Money;
    category: FundCategory;
    active?: boolean;
  }): Fund {
    if (!FUND_ID.test(input.id)) {
      throw DomainErrors.invalidFundId();
    }
    return new Fund({
      id: input.id,
      name: validName(input.name),
      minimumAmount: validMinimum(input.minimumAmount),
      category: validCategory(input.category),
      active: input.active ?? true,
    });
  }

  static restore(snapshot: FundSnapshot): Fund {
    return new Fund({ ...snapshot });
  }

  get id(): string {
    return this.state.id;
  }
  get name(): string {
    return this.state.name;
  }
  get minimumAmount(): Money {
    return this.state.minimumAmount;
  }
  get category(): FundCategory {
    return this.state.category;
  }
  get active(): boolean {
    return this.state.active;
  }

  /** Returns a changed copy; absent fields keep their value. */
  update(changes: { name?: string; minimumAmount?: Money; active?: boolean }): Fund {
    return new Fund({
      ...this.state,
      ...(changes.name !== undefined && { name: validName(changes.name) }),
      ...(changes.minimumAmount !== undefined && {
        minimumAmount: validMinimum(changes.minimumAmount),
      }),
      ...(changes.active !== undefined && { active: changes.active }),
    });
  }

  toSnapshot(): FundSnapshot {
    return { ...this.state };
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (!FUND_NAME.test(trimmed)) {
    throw DomainErrors.invalidFundName();
  }
  return trimmed;
}

function validMinimum(minimum: Money): Money {
  if (!minimum.isPositive()) throw DomainErrors.invalidFundMinimum();
  return minimum;
}

function validCategory(category: string): FundCategory {
  if (!(FUND_CATEGORIES as readonly string[]).includes(category)) {
    throw DomainErrors.invalidFundCategory();
  }
  return category as FundCategory;
}
