-- wrk script: each request casts a ballot as the next signed-in voter, as the
-- browser's JavaScript does (a form body, JSON back). Arguments after `--`:
-- the file of session tokens (one per line), the form body, the Origin.
local tokens = {}
local next_token = 0
local body, origin

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  body = args[2]
  origin = args[3]
end

function request()
  next_token = next_token + 1
  -- Past the last voter, requests reuse it and are refused as "already voted".
  local token = tokens[math.min(next_token, #tokens)]
  return wrk.format("POST", "/api/consultations/cast_ballot", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Origin"] = origin,
    ["Cookie"] = "palier_session=" .. token,
  }, body)
end
