-- Outputs declared over the REST API. The declaration is JSON (secrets included: the API never
-- returns them, the database is the place that must keep them).
create table notify_output (
    name       text primary key,
    type       text not null,
    spec       text not null,
    updated_at timestamptz not null default now()
);

-- Alert history, one row per alert uuid (redeliveries do not duplicate).
-- priority is the Falco severity rank: 0 emergency ... 7 debug, so "at least warning" is priority <= 4.
create table alert_history (
    uuid          text primary key,
    time          timestamptz not null,
    rule          text not null,
    priority      smallint not null,
    output        text not null,
    output_fields jsonb not null,
    source        text not null,
    tags          text[] not null,
    hostname      text not null,
    container     text,
    stored_at     timestamptz not null default now()
);
create index alert_history_time on alert_history (time);
create index alert_history_rule_time on alert_history (rule, time);
create index alert_history_host_time on alert_history (hostname, time);
create index alert_history_tags on alert_history using gin (tags);
