import pg from "pg";
const c = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:55499/postgres" }); await c.connect();
const r = await c.query(`select m.id, d.slug, left(m.description,60) d from "Measure" m join "Cause" c on c.id=m."causeId" join "Problem" p on p.id=c."problemId" join "PriorityArea" a on a.id=p."areaId" join "Plan" pl on pl.id=a."planId" join "District" d on d.id=pl."districtId" where m.description ilike '%trygghetsvandring%'`);
console.log(r.rows); await c.end();
