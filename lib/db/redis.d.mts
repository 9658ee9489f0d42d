import type { RedisClientType } from "redis";

export type RedisClient = RedisClientType;

export function redisUrl(env?: NodeJS.ProcessEnv): string | null;
export function redisKeyPrefix(env?: NodeJS.ProcessEnv): string;
export function sharedRedis(): Promise<RedisClient | null>;
export function closeSharedRedis(): Promise<void>;
