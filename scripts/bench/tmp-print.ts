import { checkinsSql } from './seed';
console.log(checkinsSql({ first: 1, last: 100, habits: 5, days: 365, zoneIndexSql: 'i % 4' }, 1, 100));
