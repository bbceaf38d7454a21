// Reads the server's API the way a Node.js tool does, with nothing but
// server reflection: grpc-reflection-js (which speaks
// grpc.reflection.v1alpha) lists the services and resolves each one's file
// into a protobufjs Root, then @grpc/grpc-js calls Health/Check with a
// request encoded from the resolved type.
//
// usage: node reflection_check.js HOST:PORT
// Prints each service, then each of its methods as
// "  Method(Request) returns (Response)" with "stream " where it streams,
// then "Health/Check: STATUS".
'use strict';
const grpc = require('@grpc/grpc-js');
const {Client} = require('grpc-reflection-js');

async function main(address) {
  const credentials = grpc.credentials.createInsecure();
  const reflection = new Client(address, credentials);
  let health;
  for (const name of await reflection.listServices()) {
    const root = await reflection.fileContainingSymbol(name);
    const service = root.lookupService(name);
    console.log(name);
    for (const method of Object.values(service.methods)) {
      const stream = (streams) => (streams ? 'stream ' : '');
      console.log(`  ${method.name}(${stream(method.requestStream)}` +
                  `${method.resolvedRequestType.fullName.slice(1)}) returns ` +
                  `(${stream(method.responseStream)}` +
                  `${method.resolvedResponseType.fullName.slice(1)})`);
    }
    if (name === 'grpc.health.v1.Health') health = service.methods.Check;
  }

  const request = health.resolvedRequestType;
  const response = health.resolvedResponseType;
  const client = new grpc.Client(address, credentials);
  const answer = await new Promise((resolve, reject) => {
    client.makeUnaryRequest(
        '/grpc.health.v1.Health/Check',
        (message) => Buffer.from(request.encode(message).finish()),
        (bytes) => response.decode(bytes), request.create({service: ''}),
        (error, value) => (error ? reject(error) : resolve(value)));
  });
  const status = response.lookupEnum('ServingStatus');
  console.log(`Health/Check: ${status.valuesById[answer.status]}`);
  client.close();
}

main(process.argv[2]).then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
