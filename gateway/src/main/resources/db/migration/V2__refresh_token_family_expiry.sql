-- Refresh tokens: an absolute lifetime per family (from the login), which rotation copies and never extends.
alter table refresh_token add column family_expires_at timestamptz;
update refresh_token r set family_expires_at = f.started + interval '30 days'
  from (select family_id, min(created_at) as started from refresh_token group by family_id) f
 where r.family_id = f.family_id;
update refresh_token set expires_at = family_expires_at where expires_at > family_expires_at;
alter table refresh_token alter column family_expires_at set not null;
alter table refresh_token add constraint refresh_token_within_family check (expires_at <= family_expires_at);
